using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Reference;

public sealed class Requirements(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_recorded_requirement_is_201_with_etag_and_listed_in_id_order()
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/requirements", new
        {
            id = "sg-freedom-from-interference", externalId = "DOORS-SG-1", title = "Freedom from interference", text = "No ASIL-QM part corrupts ASIL-B memory.", kind = "goal",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/requirements/sg-freedom-from-interference", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        await api.RecordRequirementAsync("sr-a-first");

        var get = await api.Viewer.GetAsync("/api/requirements/sg-freedom-from-interference");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        Assert.Equal("goal", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        var ids = (await api.Viewer.GetFromJsonAsync<JsonElement>("/api/requirements")).EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("sr-a-first", ids);
    }

    [Fact]
    public async Task A_revision_bumps_the_version_and_a_stale_if_match_is_412()
    {
        await api.RecordRequirementAsync("sr-revise");
        var body = new { externalId = "DOORS-SR-7", title = "Memory isolation", text = "User space cannot read or corrupt kernel memory.", reason = "review finding 12" };
        var revised = await api.Engineer.PutAsync("/api/requirements/sr-revise", body, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("\"2\"", revised.Headers.ETag?.Tag);
        var json = await revised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DOORS-SR-7", json.GetProperty("requirement").GetProperty("externalId").GetString());
        Assert.Equal(0, json.GetProperty("decisionsMarkedSuspect").GetInt32());

        var before = await api.EventCountAsync();
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Engineer.PutAsync("/api/requirements/sr-revise", body with { title = "x" }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.Engineer.PutAsync("/api/requirements/sr-revise", body, "\"2\"")).StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Unknown_requirements_are_404_and_duplicates_409()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/requirements/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Engineer.PutAsync("/api/requirements/nope", new { title = "t", text = "t", reason = "r" }, null)).StatusCode);
        await api.RecordRequirementAsync("sr-dup");
        var again = await api.Engineer.PostAsJsonAsync("/api/requirements", new { id = "sr-dup", title = "t", text = "t", kind = "requirement" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Viewers_cannot_write_and_no_key_is_401()
    {
        await api.RecordRequirementAsync("sr-roles");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PostAsJsonAsync("/api/requirements", new { id = "sr-v", title = "t", text = "t", kind = "goal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PutAsync("/api/requirements/sr-roles", new { title = "t", text = "t", reason = "r" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/requirements")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_each_field_and_writes_nothing()
    {
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/requirements", new
        {
            id = "UPPER", externalId = new string('x', 201), title = "", text = "t\u0000", kind = "wish",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "id", "externalId", "title", "text", "kind" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await api.EventCountAsync());
    }
}
