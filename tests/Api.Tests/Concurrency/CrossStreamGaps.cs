using System.Net;
using System.Net.Http.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Tests.Concurrency;

/// <summary>
/// A rival write sent into the gap between a rule's check and its commit: the rules' locks make it wait
/// (or refuse it), so the order the chain records always agrees with the rule.
/// </summary>
public sealed class CrossStreamGaps(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_proposal_sent_while_a_revision_of_its_assumption_commits_is_either_marked_by_it_or_decided_after_it()
    {
        var baseline = await api.CreateBaselineAsync();
        var aou = await api.DraftAssumptionAsync();
        Task<HttpResponseMessage> revision, proposal;
        await using (var held = await StreamRowLock.TakeAsync(api.ConnectionString, AssumptionOfUse.StreamId(aou)))
        {
            revision = api.Engineer.PutAsJsonAsync($"/api/assumptions/{aou}", new { category = "environment", text = "Revised", reason = "race" });
            await held.WaitForRowWaiterAsync("the revision to have read the links and to wait on the AoU's row");
            proposal = api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
                new { symbol = "GAP_PROPOSAL", value = "y", rationale = "sent into the gap", assumptions = new[] { aou }, force = true, forceReason = "test" });
            await held.WaitForLockWaiterAsync(AssumptionOfUse.StreamId(aou), "the proposal to wait for the revision (it links the AoU being revised)");
        }
        Assert.Equal(HttpStatusCode.OK, (await revision).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await proposal).StatusCode);

        var revised = (await api.EventsOfAsync(AssumptionOfUse.StreamId(aou))).Single(e => e.Data is AssumptionRevised).Position;
        var decision = await api.EventsOfAsync(Decision.StreamId(baseline, "GAP_PROPOSAL"));
        Assert.True(decision[0].Position > revised, "the proposal committed after the revision, so it was decided against the revised text");
        Assert.DoesNotContain(decision, e => e.Data is DecisionMarkedSuspect);
    }

    [Fact]
    public async Task A_decision_change_checked_before_a_freeze_commits_before_it_or_not_at_all()
    {
        var baseline = await api.CreateBaselineAsync();
        var version = await api.ProposedDecisionAsync(baseline, "GAP_FREEZE");
        Task<HttpResponseMessage> revise, freeze;
        await using (var held = await StreamRowLock.TakeAsync(api.ConnectionString, Decision.StreamId(baseline, "GAP_FREEZE")))
        {
            revise = api.Engineer.SendJsonAsync(HttpMethod.Put, $"/api/baselines/{baseline}/decisions/GAP_FREEZE",
                new { value = "n", rationale = "checked before the freeze", reason = "race" }, version);
            await held.WaitForRowWaiterAsync("the revision to have found the baseline open and to wait on its own row");
            freeze = api.Assessor.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/freeze", new { reason = "certification" }, 1);
            await held.WaitForLockWaiterAsync(Baseline.StreamId(baseline), "the freeze to wait for the decision write that holds the baseline");
        }
        Assert.Equal(HttpStatusCode.OK, (await revise).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await freeze).StatusCode);

        var frozen = (await api.EventsOfAsync(Baseline.StreamId(baseline))).Single(e => e.Data is BaselineFrozen).Position;
        Assert.All(await api.EventsOfAsync(Decision.StreamId(baseline, "GAP_FREEZE")), e => Assert.True(e.Position < frozen));
    }
}
