using Marten.Exceptions;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// When an append to several streams fails after Marten's append function handed out sequence numbers (a stale
/// version on a later stream), Marten writes empty gap fillers with those numbers in the background, below the
/// watermark. One that lands while verify runs, after verify sealed the late ones, is not a broken log.
/// </summary>
public sealed class GapFillersDuringVerify(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task Verify_stays_valid_while_failing_appends_leave_gap_fillers_around_it_and_the_next_one_chains_them()
    {
        var prefix = Events.Id("g");
        var stale = AssumptionOfUse.StreamId($"{prefix}-stale");
        await log.Log.AppendAsync(StreamAppend.Start(stale, Events.Drafted("stale")), Events.Alice);
        using var stop = new CancellationTokenSource();
        var failing = Task.Run(async () =>
        {
            var failed = 0;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // The new stream's events get their numbers first; the stale version fails the append.
                var append = new[]
                {
                    StreamAppend.Start(AssumptionOfUse.StreamId($"{prefix}-{i}"), Events.Drafted($"fresh {i}")),
                    new StreamAppend(stale, 5, [new AssumptionRevised("stale", 6, "environment", "text", "stale")]),
                };
                await Assert.ThrowsAnyAsync<MartenException>(() => log.Log.AppendAsync(append, Events.Alice));
                failed++;
            }
            return failed;
        });

        var problems = new List<string>();
        for (var v = 0; v < 50; v++)
        {
            if (await log.Verifier.VerifyAsync() is { Valid: false } broken) problems.Add(broken.Problem!);
        }
        await stop.CancelAsync();
        var failedAppends = await failing;

        Assert.Empty(problems);
        Assert.True(failedAppends > 0);
        await Eventually.True(async () => await GapFillersAsync() >= failedAppends, "Marten's gap fillers for every failed append");
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
        Assert.Equal(0, await log.ScalarAsync(
            "SELECT count(*) FROM traceability.mt_events e WHERE NOT EXISTS (SELECT 1 FROM traceability.event_chain c WHERE c.seq_id = e.seq_id)"));
        Assert.Equal(0, await log.ScalarAsync("SELECT count(*) FROM traceability.mt_events WHERE stream_id LIKE $1 AND stream_id <> $2", $"aou/{prefix}-%", stale));
    }

    private Task<long> GapFillersAsync() => log.ScalarAsync("SELECT count(*) FROM traceability.mt_events WHERE stream_id = 'mt_tombstone'");
}
