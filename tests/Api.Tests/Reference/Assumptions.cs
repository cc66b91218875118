using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Reference;

public sealed class Assumptions(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_drafted_assumption_is_numbered_and_reads_back_with_its_etag()
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/assumptions", new { category = "environment", text = "The hypervisor, if any, is KVM." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^AOU-[0-9]{4}$", id);
        Assert.Equal($"/api/assumptions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var get = await api.Viewer.GetAsync($"/api/assumptions/{id}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var aou = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", aou.GetProperty("status").GetString());
        Assert.Contains(id, (await api.Viewer.GetStringAsync("/api/assumptions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_shows_every_revision_with_text_reason_actor_and_time()
    {
        var id = await api.DraftAssumptionAsync("Userspace relies on futex-based locking.");
        var revised = await api.Engineer2.PutAsync($"/api/assumptions/{id}",
            new { category = "userspace", text = "Userspace relies on futex-based locking (glibc NPTL).", reason = "name the library" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("\"2\"", revised.Headers.ETag?.Tag);

        var history = (await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/assumptions/{id}")).GetProperty("history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("engineer-1", history[0].GetProperty("actor").GetString());
        Assert.Equal("Userspace relies on futex-based locking.", history[0].GetProperty("text").GetString());
        Assert.Equal(2, history[1].GetProperty("revision").GetInt32());
        Assert.Equal("name the library", history[1].GetProperty("reason").GetString());
        Assert.Equal("engineer-2", history[1].GetProperty("actor").GetString());
        Assert.True(history[1].GetProperty("time").GetDateTimeOffset() >= history[0].GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_assessor_accepts_a_draft_with_or_without_a_body_but_not_twice()
    {
        var id = await api.DraftAssumptionAsync();
        var accepted = await api.Assessor.PostAsync($"/api/assumptions/{id}/accept", null, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("\"2\"", accepted.Headers.ETag?.Tag);
        Assert.Equal("agreed", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.Assessor.PostAsync($"/api/assumptions/{id}/accept", new { reason = "again" }, null)).StatusCode);

        var other = await api.DraftAssumptionAsync();
        var withNote = await api.Assessor.PostAsync($"/api/assumptions/{other}/accept", new { reason = "WG call 2024-05-02" }, null);
        var history = (await withNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history");
        Assert.Equal("WG call 2024-05-02", history[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Accepting_and_retiring_need_an_assessor()
    {
        var id = await api.DraftAssumptionAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.PostAsync($"/api/assumptions/{id}/accept", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.PostAsync($"/api/assumptions/{id}/retire", new { reason = "x" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PostAsJsonAsync("/api/assumptions", new { category = "c", text = "t" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/api/assumptions/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_retired_assumption_takes_no_changes()
    {
        var id = await api.DraftAssumptionAsync();
        var retired = await api.Assessor.PostAsync($"/api/assumptions/{id}/retire", new { reason = "platform dropped" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("retired", (await retired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assumption").GetProperty("status").GetString());
        var revise = await api.Engineer.PutAsync($"/api/assumptions/{id}", new { category = "c", text = "new", reason = "r" }, null);
        Assert.Equal(HttpStatusCode.Conflict, revise.StatusCode);
    }

    [Fact]
    public async Task Retiring_needs_a_reason_and_a_stale_if_match_is_412()
    {
        var id = await api.DraftAssumptionAsync();
        var before = await api.EventCountAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Assessor.PostAsync($"/api/assumptions/{id}/retire", new { reason = " " }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Assessor.PostAsync($"/api/assumptions/{id}/retire", new { reason = "r" }, "\"7\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Assessor.PostAsync($"/api/assumptions/{id}/accept", null, "\"7\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await api.Engineer.PutAsync($"/api/assumptions/{id}", new { category = "c", text = "t2", reason = "r" }, "\"7\"")).StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Unknown_assumptions_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/assumptions/AOU-9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Engineer.PutAsync("/api/assumptions/AOU-9999", new { category = "c", text = "t", reason = "r" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Assessor.PostAsync("/api/assumptions/AOU-9999/accept", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Assessor.PostAsync("/api/assumptions/AOU-9999/retire", new { reason = "r" }, null)).StatusCode);
    }

    [Fact]
    public async Task Bad_text_is_400_naming_the_field_and_writes_nothing()
    {
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/assumptions", new { category = "", text = "line\rbreak\u001b[31m" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("text", out _));
        var tooLong = await api.Engineer.PostAsJsonAsync("/api/assumptions", new { category = "c", text = new string('x', 10_001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }
}
