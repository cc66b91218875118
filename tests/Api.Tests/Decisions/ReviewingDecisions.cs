using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Decisions;

public sealed class ReviewingDecisions(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Baseline = "review";
    private static string Url(string symbol, string action) => $"/api/baselines/{Baseline}/decisions/{symbol}/{action}";

    [Fact]
    public async Task An_assessor_approves_with_the_default_meaning_and_gets_the_new_etag()
    {
        var version = await api.ProposedDecisionAsync(Baseline, "FUTEX");
        var response = await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("CONFIG_FUTEX", "approve"), null, version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Equal("assessor-1", body.GetProperty("approvedBy").GetString());
        Assert.StartsWith("Reviewed and approved", body.GetProperty("approvals")[0].GetProperty("meaning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engineer_cannot_approve_and_a_viewer_cannot_reject()
    {
        await api.ProposedDecisionAsync(Baseline, "SECCOMP");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer2.SendJsonAsync(HttpMethod.Post, Url("SECCOMP", "approve"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.SendJsonAsync(HttpMethod.Post, Url("SECCOMP", "reject"), new { reason = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.SendJsonAsync(HttpMethod.Post, Url("SECCOMP", "approve"), new { })).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_approve_its_own_proposal_and_nothing_is_written()
    {
        await api.ProposedDecisionAsync(Baseline, "RANDOMIZE_BASE", api.Admin);
        var before = await api.EventCountAsync();

        var response = await api.Admin.SendJsonAsync(HttpMethod.Post, Url("RANDOMIZE_BASE", "approve"), new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("four-eyes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("RANDOMIZE_BASE", "approve"), new { })).StatusCode);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_nothing_is_written()
    {
        await api.ApprovedDecisionAsync(Baseline, "VMAP_STACK");
        var before = await api.EventCountAsync();
        var response = await api.Assessor2.SendJsonAsync(HttpMethod.Post, Url("VMAP_STACK", "reject"), new { reason = "late" }, ifMatch: 1);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Theory]
    [InlineData("BPF_JIT", null)]
    [InlineData("BPF_JIT_ALWAYS_ON", "")]
    [InlineData("BPF_SYSCALL", "  ")]
    public async Task Rejecting_without_a_reason_is_400_and_writes_nothing(string symbol, string? reason)
    {
        await api.ProposedDecisionAsync(Baseline, symbol);
        var before = await api.EventCountAsync();
        var response = await api.Assessor.SendJsonAsync(HttpMethod.Post, Url(symbol, "reject"), new { reason });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_rejection_records_its_reason_and_a_rejected_decision_cannot_be_approved()
    {
        await api.ProposedDecisionAsync(Baseline, "DEVMEM");
        var response = await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("DEVMEM", "reject"), new { reason = "/dev/mem must be off" });
        Assert.Equal("rejected", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("/dev/mem must be off", (await api.DecisionEventsAsync(Baseline, "DEVMEM"))[^1].Metadata.Reason);
        Assert.Equal(HttpStatusCode.Conflict, (await api.Assessor2.SendJsonAsync(HttpMethod.Post, Url("DEVMEM", "approve"), new { })).StatusCode);
    }

    [Fact]
    public async Task Reconfirming_a_suspect_decision_clears_the_flag_and_a_sound_one_is_409()
    {
        await api.ApprovedDecisionAsync(Baseline, "ARM64_BTI_KERNEL");
        Assert.Equal(HttpStatusCode.Conflict,
            (await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("ARM64_BTI_KERNEL", "reconfirm"), new { reason = "still fine" })).StatusCode);
        await api.ArrangeSuspectAsync(Baseline, "ARM64_BTI_KERNEL");

        var response = await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("ARM64_BTI_KERNEL", "reconfirm"), new { reason = "AoU change does not touch BTI" }, 3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"4\"", response.Headers.ETag?.Tag);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspect").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest,
            (await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("ARM64_BTI_KERNEL", "reconfirm"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.Engineer.SendJsonAsync(HttpMethod.Post, Url("ARM64_BTI_KERNEL", "reconfirm"), new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Reviewing_an_unknown_decision_is_404()
    {
        await api.ArrangeBaselineAsync(Baseline);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("NEVER_PROPOSED", "approve"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Assessor.SendJsonAsync(HttpMethod.Post, Url("NEVER_PROPOSED", "reject"), new { reason = "x" })).StatusCode);
    }
}
