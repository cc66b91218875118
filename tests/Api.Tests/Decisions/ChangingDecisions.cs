using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Decisions;

public sealed class ChangingDecisions(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Baseline = "changes";
    private static string Url(string symbol, string action = "") => $"/api/baselines/{Baseline}/decisions/{symbol}{action}";

    [Fact]
    public async Task Revising_an_approved_decision_returns_it_to_proposed_with_the_reviser_as_proposer()
    {
        await api.ArrangeAssumptionAsync("AOU-0002");
        var version = await api.ApprovedDecisionAsync(Baseline, "FUTEX");

        var response = await api.Engineer2.SendJsonAsync(HttpMethod.Put, Url("CONFIG_FUTEX"), new
        {
            value = "y", rationale = "Needed by glibc pthreads; see AOU-0002.", assumptions = Ids("AOU-0002"), reason = "link the AoU",
        }, version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("proposed", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("revision").GetInt32());
        Assert.Equal("engineer-2", body.GetProperty("proposedBy").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("approvedBy").ValueKind);
        Assert.Equal("link the AoU", (await api.DecisionEventsAsync(Baseline, "FUTEX"))[^1].Metadata.Reason);
    }

    [Fact]
    public async Task A_revision_with_bad_input_is_400_and_writes_nothing()
    {
        await api.ProposedDecisionAsync(Baseline, "SLUB_DEBUG");
        var before = await api.EventCountAsync();
        var noReason = await api.Engineer.SendJsonAsync(HttpMethod.Put, Url("SLUB_DEBUG"), new { value = "n", rationale = "r" });
        var badValue = await api.Engineer.SendJsonAsync(HttpMethod.Put, Url("SLUB_DEBUG"), new { value = "maybe", rationale = "r", reason = "x" });
        var unknownAou = await api.Engineer.SendJsonAsync(HttpMethod.Put, Url("SLUB_DEBUG"),
            new { value = "n", rationale = "r", reason = "x", assumptions = Ids("AOU-0099") });
        Assert.All([noReason, badValue, unknownAou], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_stale_revision_is_412_and_a_viewer_cannot_revise()
    {
        await api.ApprovedDecisionAsync(Baseline, "HARDENED_USERCOPY");
        var body = new { value = "y", rationale = "r", reason = "x" };
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Engineer.SendJsonAsync(HttpMethod.Put, Url("HARDENED_USERCOPY"), body, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.SendJsonAsync(HttpMethod.Put, Url("HARDENED_USERCOPY"), body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Engineer.SendJsonAsync(HttpMethod.Put, Url("NEVER_PROPOSED"), body)).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_decision_takes_no_further_changes()
    {
        var version = await api.ProposedDecisionAsync(Baseline, "KEXEC");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Engineer.SendJsonAsync(HttpMethod.Post, Url("KEXEC", "/withdraw"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("KEXEC", "/withdraw"), new { reason = "x" })).StatusCode);

        var response = await api.Engineer.SendJsonAsync(HttpMethod.Post, Url("KEXEC", "/withdraw"), new { reason = "symbol decided at platform level" }, version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("withdrawn", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var revise = await api.Engineer.SendJsonAsync(HttpMethod.Put, Url("KEXEC"), new { value = "n", rationale = "r", reason = "x" });
        Assert.Equal(HttpStatusCode.Conflict, revise.StatusCode);
    }

    [Fact]
    public async Task Evidence_is_201_numbered_per_decision_and_listed_with_who_attached_it()
    {
        var version = await api.ApprovedDecisionAsync(Baseline, "STACKPROTECTOR_STRONG");
        var first = await api.Engineer.SendJsonAsync(HttpMethod.Post, Url("STACKPROTECTOR_STRONG", "/evidence"),
            new { kind = "test", reference = "https://ci.example/run/42", outcome = "pass", summary = "LKDTM canary test" }, version);
        var second = await api.Engineer2.SendJsonAsync(HttpMethod.Post, Url("STACKPROTECTOR_STRONG", "/evidence"),
            new { kind = "review", reference = "REV-7", outcome = "inconclusive" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("\"3\"", first.Headers.ETag?.Tag);
        Assert.StartsWith(Url("STACKPROTECTOR_STRONG"), first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var evidence = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(["E1", "E2"], evidence.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["engineer-1", "engineer-2"], evidence.Select(e => e.GetProperty("attachedBy").GetString()));
        Assert.Equal("https://ci.example/run/42", evidence[0].GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Evidence_with_an_unknown_kind_or_outcome_is_400_and_a_viewer_gets_403()
    {
        await api.ProposedDecisionAsync(Baseline, "INIT_ON_ALLOC_DEFAULT_ON");
        var before = await api.EventCountAsync();
        var response = await api.Engineer.SendJsonAsync(HttpMethod.Post, Url("INIT_ON_ALLOC_DEFAULT_ON", "/evidence"),
            new { kind = "rumour", reference = "", outcome = "great" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _) && errors.TryGetProperty("reference", out _) && errors.TryGetProperty("outcome", out _));
        Assert.Equal(before, await api.EventCountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.SendJsonAsync(HttpMethod.Post, Url("INIT_ON_ALLOC_DEFAULT_ON", "/evidence"),
            new { kind = "test", reference = "r", outcome = "pass" })).StatusCode);
    }

    private static string[] Ids(params string[] ids) => ids;
}
