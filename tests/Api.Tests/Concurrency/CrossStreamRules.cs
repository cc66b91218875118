using System.Net;
using System.Net.Http.Json;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;

using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Concurrency;

/// <summary>
/// The rules that span streams, under writers that race them. The log's positions say what committed
/// first, so each test checks the rule against the order the chain recorded.
/// </summary>
public sealed class CrossStreamRules(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_decision_committed_before_an_assumption_revision_is_marked_suspect_by_it_and_one_committed_after_is_not()
    {
        var baseline = await api.CreateBaselineAsync();
        var aou = await api.DraftAssumptionAsync();
        var symbols = Enumerable.Range(0, 24).Select(i => $"RACE_{i}").ToList();
        using var start = new SemaphoreSlim(0);

        var proposals = symbols.Select(async s =>
        {
            await start.WaitAsync();
            return await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
                new { symbol = s, value = "y", rationale = "races the revision", assumptions = new[] { aou }, force = true, forceReason = "test symbol" });
        }).ToList();
        var revisions = Enumerable.Range(0, 3).Select(async i =>
        {
            await start.WaitAsync();
            await Task.Yield();
            return await api.Engineer.PutAsJsonAsync($"/api/assumptions/{aou}", new { category = "environment", text = $"Revision {i}", reason = "race" });
        }).ToList();
        start.Release(symbols.Count + 3);
        Assert.All(await Task.WhenAll(proposals), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(await Task.WhenAll(revisions), r => Assert.True(r.IsSuccessStatusCode || r.StatusCode == HttpStatusCode.Conflict));

        var revisionPositions = (await api.EventsOfAsync(AssumptionOfUse.StreamId(aou))).Where(e => e.Data is AssumptionRevised)
            .Select(e => e.Position!.Value).ToList();
        Assert.NotEmpty(revisionPositions);
        foreach (var symbol in symbols)
        {
            var events = await api.EventsOfAsync(Decision.StreamId(baseline, symbol));
            var proposed = events[0].Position!.Value;
            // The first revision after the proposal marks it in the revision's own transaction: right after it, in the
            // chain. A later one finds it suspect already and adds no second flag (DecisionDecisions.MarkSuspect).
            var expected = revisionPositions.Where(r => r > proposed).Order().Take(1).ToList();
            var marks = events.Where(e => e.Data is DecisionMarkedSuspect).Select(e => e.Position!.Value).ToList();
            Assert.Equal(expected.Count, marks.Count);
            Assert.All(marks.Zip(expected), pair => Assert.InRange(pair.First, pair.Second + 1, pair.Second + symbols.Count));
        }
    }

    [Fact]
    public async Task No_decision_change_commits_after_the_freeze_of_its_baseline()
    {
        var baseline = await api.CreateBaselineAsync();
        var symbols = Enumerable.Range(0, 20).Select(i => $"FROZEN_{i}").ToList();
        using var start = new SemaphoreSlim(0);
        var writes = symbols.Select(async s =>
        {
            await start.WaitAsync();
            return await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
                new { symbol = s, value = "y", rationale = "races the freeze", force = true, forceReason = "test symbol" });
        }).ToList();
        var freeze = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await api.Assessor.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/freeze", new { reason = "certification" }, 1);
        });
        start.Release(symbols.Count + 1);
        var answers = await Task.WhenAll(writes);
        Assert.Equal(HttpStatusCode.OK, (await freeze).StatusCode);

        var frozenAt = (await api.EventsOfAsync(Baseline.StreamId(baseline))).Single(e => e.Data is BaselineFrozen).Position!.Value;
        for (var i = 0; i < symbols.Count; i++)
        {
            var events = await api.EventsOfAsync(Decision.StreamId(baseline, symbols[i]));
            Assert.All(events, e => Assert.True(e.Position < frozenAt, $"{symbols[i]} was written at {e.Position}, after the freeze at {frozenAt}"));
            Assert.Equal(answers[i].StatusCode == HttpStatusCode.Created, events.Count == 1);
            if (events.Count == 0) Assert.Equal(HttpStatusCode.Conflict, answers[i].StatusCode);
        }
    }
}
