using System.Net;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Tests.Decisions;

public sealed class ConcurrentApprovals(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Of_eight_simultaneous_approvals_exactly_one_wins_and_one_approval_is_recorded()
    {
        var version = await api.ProposedDecisionAsync("race", "FUTEX");
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 8).Select(async i =>
        {
            await start.WaitAsync();
            var client = i % 2 == 0 ? api.Assessor : api.Assessor2;
            return await client.SendJsonAsync(HttpMethod.Post, "/api/baselines/race/decisions/FUTEX/approve",
                new { meaning = $"approval {i}" }, i < 4 ? version : null);
        }).ToList();
        start.Release(8);
        var responses = await Task.WhenAll(tasks);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        var events = await api.DecisionEventsAsync("race", "FUTEX");
        Assert.Single(events, e => e.Data is DecisionApproved);
    }
}
