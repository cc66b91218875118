using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Decisions;

public sealed class ReadingDecisions(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Url = "/api/baselines/amd64-6.1/decisions";

    [Fact]
    public async Task The_full_history_shows_who_did_what_when_and_why_at_each_step()
    {
        var v1 = await api.ProposedDecisionAsync("amd64-6.1", "X86_SMAP");
        var approved = await api.Assessor.SendJsonAsync(HttpMethod.Post, $"{Url}/X86_SMAP/approve", new { meaning = "SMAP stays on" }, v1);
        var revised = await api.Engineer2.SendJsonAsync(HttpMethod.Put, $"{Url}/CONFIG_X86_SMAP",
            new { value = "y", rationale = "Also needed by the hypervisor AoU.", reason = "AoU wording changed" }, DecisionScenarios.Version(approved));
        var rejected = await api.Assessor2.SendJsonAsync(HttpMethod.Post, $"{Url}/X86_SMAP/reject",
            new { reason = "Rationale must cite the hypervisor AoU by id" }, DecisionScenarios.Version(revised));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var response = await api.Viewer.GetAsync($"{Url}/CONFIG_X86_SMAP");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"4\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("revision").GetInt32());
        Assert.Equal("engineer-2", body.GetProperty("proposedBy").GetString());
        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["decision_proposed", "decision_approved", "decision_revised", "decision_rejected"],
            history.Select(h => h.GetProperty("type").GetString()));
        Assert.Equal(["engineer-1", "assessor-1", "engineer-2", "assessor-2"], history.Select(h => h.GetProperty("actor").GetString()));
        Assert.Equal(["engineer", "assessor", "engineer", "assessor"], history.Select(h => h.GetProperty("role").GetString()));
        Assert.Equal("SMAP stays on", history[1].GetProperty("reason").GetString());
        Assert.Equal("AoU wording changed", history[2].GetProperty("reason").GetString());
        Assert.Equal("Rationale must cite the hypervisor AoU by id", history[3].GetProperty("reason").GetString());
        Assert.Equal("Rationale must cite the hypervisor AoU by id", history[3].GetProperty("data").GetProperty("reason").GetString());
        Assert.All(history, h => Assert.True(h.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal([1L, 2L, 3L, 4L], history.Select(h => h.GetProperty("version").GetInt64()));
        var approval = Assert.Single(body.GetProperty("approvals").EnumerateArray());
        Assert.Equal("assessor-1", approval.GetProperty("approvedBy").GetString());
    }

    [Fact]
    public async Task The_list_shows_each_decision_with_its_status_flags_and_version()
    {
        await api.ApprovedDecisionAsync("list-only", "FUTEX");
        await api.ProposedDecisionAsync("list-only", "CONFIG_STACKPROTECTOR_STRONG");
        await api.ArrangeSuspectAsync("list-only", "FUTEX");

        var list = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/baselines/list-only/decisions");

        var rows = list.EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!);
        Assert.Equal(["FUTEX", "STACKPROTECTOR_STRONG"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("approved", rows["FUTEX"].GetProperty("status").GetString());
        Assert.True(rows["FUTEX"].GetProperty("suspect").GetBoolean());
        Assert.Equal(3, rows["FUTEX"].GetProperty("version").GetInt64());
        Assert.Equal("proposed", rows["STACKPROTECTOR_STRONG"].GetProperty("status").GetString());
        Assert.False(rows["STACKPROTECTOR_STRONG"].GetProperty("symbolMissing").GetBoolean());
        Assert.Equal("y", rows["STACKPROTECTOR_STRONG"].GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_list_names_who_proposed_each_current_revision_so_a_reviewer_can_skip_their_own()
    {
        await api.ProposedDecisionAsync("proposers", "FUTEX");
        await api.ProposedDecisionAsync("proposers", "SLUB", api.Engineer2);

        var list = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/baselines/proposers/decisions");

        var proposers = list.EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!, r => r.GetProperty("proposedBy").GetString());
        Assert.Equal("engineer-1", proposers["FUTEX"]);
        Assert.Equal("engineer-2", proposers["SLUB"]);
    }

    [Fact]
    public async Task Unknown_baselines_and_symbols_are_404_and_a_malformed_symbol_400()
    {
        await api.ArrangeBaselineAsync("amd64-6.1");
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/nope/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/nope/decisions/FUTEX")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync($"{Url}/NEVER_DECIDED")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Viewer.GetAsync($"{Url}/FOO%20BAR")).StatusCode);
    }

    [Fact]
    public async Task Reading_needs_a_key()
    {
        await api.ArrangeBaselineAsync("amd64-6.1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"{Url}/FUTEX")).StatusCode);
    }
}
