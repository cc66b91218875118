using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under load and started again, with the real app in front of a server of
/// this class's own: while it is down every request fails with 503 ProblemDetails and Retry-After;
/// afterwards the same app (no restart) serves writes again, and no acknowledged write is lost.
/// </summary>
public sealed class PostgresOutage(ITestOutputHelper output) : FaultApp("outage", "trc_fault_admin_key_for_the_outage_test")
{
    [Fact]
    public async Task Requests_fail_with_503_while_PostgreSQL_is_down_and_the_same_app_recovers_without_losing_acknowledged_writes()
    {
        var (engineer, assessor) = await FaultSetup.ArrangeAsync(Client(AdminKey), Client, "outage");
        var writers = new DecisionWriters("outage");
        using var stop = new CancellationTokenSource();
        var running = Enumerable.Range(0, 6).Select(_ => writers.RunAsync(engineer, assessor, stop.Token))
            .Append(writers.RunBaselineCreatorAsync(engineer, "outage-virt", stop.Token)).Append(writers.RunBaselineCreatorAsync(engineer, "outage-virt", stop.Token)).ToList();
        try
        {
            await Eventually.True(() => Task.FromResult(writers.AcknowledgedIn("before") >= 30), "30 writes acknowledged before the outage");
            writers.Phase = "down";
            await Postgres.StopAsync();
            await Eventually.True(() => Task.FromResult(writers.Answers.Count(a => a.Phase == "down" && a.Status == 503) >= 30),
                "30 answers of 503 while PostgreSQL is down");
            writers.Phase = "restarting";
            await Postgres.StartAgainAsync();
            writers.Phase = "after";
            await Eventually.True(() => Task.FromResult(writers.AcknowledgedIn("after") >= 60 && writers.AcknowledgedIn("after", "create-baseline") >= 10),
                "60 writes, 10 of them group-committed baseline creations, acknowledged after PostgreSQL is back (the app was not restarted)", timeoutSeconds: 60);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running);
        }

        foreach (var g in writers.Answers.GroupBy(a => (a.Phase, a.Operation, a.Status)).OrderBy(g => g.Key))
            output.WriteLine($"{g.Key.Phase} {g.Key.Operation} {g.Key.Status}: {g.Count()}");
        var failures = writers.Answers.Where(a => a.Status >= 500 || a.Status == 0).ToList();
        Assert.All(failures, a => Assert.Equal((503, "application/problem+json"), (a.Status, a.ContentType)));
        Assert.All(failures, a => Assert.False(string.IsNullOrEmpty(a.RetryAfter), $"a 503 to {a.Operation} has no Retry-After"));
        await FaultSetup.AssertAllAcknowledgedStoredAsync(Postgres, writers);
        await FaultSetup.AssertActivityCountsEveryEventOnceAsync(Client(AdminKey), Postgres,
            "the activity projection to resume after the outage and count every event once");
        var chain = await Postgres.VerifyChainAsync();
        Assert.True(chain.Valid, $"hash chain broken at {chain.FirstBrokenPosition}: {chain.Problem}");
    }


}
