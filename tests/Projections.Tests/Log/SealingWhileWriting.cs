using JasperFx;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// The sealer's watermark under real concurrency: small appends, bulk appends that hold their sequence numbers open
/// while they write, and appends that lose a race (rolled back numbers, Marten's gap fillers), with two sealers of two
/// "processes" (each its own fence) passing all the time, one of them up to a bound behind the writers as the sealing
/// service does. An event the watermark passed before it committed would stay outside the chain, and verify would name
/// it; an append sealed in two passes with others between would not sit at consecutive positions.
/// </summary>
public sealed class SealingWhileWriting(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task Every_event_written_while_two_sealers_pass_is_chained_once_and_the_log_verifies()
    {
        using var writing = new CancellationTokenSource();
        // One sealer at the tail; one as the sealing service runs, up to a number it noted a moment before, so its
        // bound cuts through appends (the bulk ones span 120 numbers) and it must read on past it to keep them whole.
        var atTheTail = new ChainSealer(log.Runtime);
        var behind = new ChainSealer(log.Runtime);
        var sealers = new[]
        {
            Task.Run(async () =>
            {
                while (!writing.IsCancellationRequested) await atTheTail.TrySealAsync();
            }),
            Task.Run(async () =>
            {
                var noted = new Queue<long>();
                while (!writing.IsCancellationRequested)
                {
                    noted.Enqueue((await behind.ProgressAsync()).LastHandedOut);
                    if (noted.Count > 3) await behind.TrySealAsync(noted.Dequeue());
                }
            }),
        };
        var prefix = Events.Id("s");

        var small = Enumerable.Range(0, 10).Select(w => Task.Run(async () =>
        {
            var stream = AssumptionOfUse.StreamId($"{prefix}-{w}");
            await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted($"{prefix}-{w}")), Events.Alice);
            for (var v = 2; v <= 25; v++)
                await log.Log.AppendAsync(new StreamAppend(stream, v - 1, [Events.Revised($"{prefix}-{w}", v)]), Events.Alice);
        }));
        var bulk = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 3; round++)
            {
                var id = $"{prefix}-bulk-{w}-{round}";
                await log.Log.AppendAsync(StreamAppend.Start(AssumptionOfUse.StreamId(id), Events.History(id, 120)), Events.Alice);
            }
        }));
        var racing = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var stream = AssumptionOfUse.StreamId($"{prefix}-race-{w}");
            await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted($"{prefix}-race-{w}")), Events.Alice);
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var tries = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
                {
                    try { await log.Log.AppendAsync(new StreamAppend(stream, 1 + attempt, [Events.Revised($"{prefix}-race-{w}", 2 + attempt)]), Events.Alice); }
                    catch (ConcurrencyException) { }
                }));
                await Task.WhenAll(tries);
            }
        }));
        await Task.WhenAll(small.Concat(bulk).Concat(racing));
        await writing.CancelAsync();
        await Task.WhenAll(sealers);

        var verified = await log.Verifier.VerifyAsync();

        Assert.True(verified.Valid, verified.Problem);
        Assert.Equal(0, await log.ScalarAsync("""
            SELECT count(*) FROM (SELECT batch_end FROM traceability.event_chain GROUP BY batch_end
                                  HAVING max(position) <> batch_end OR max(position) - min(position) + 1 <> count(*)) cut
            """));
        Assert.Equal(await log.ScalarAsync("SELECT count(*) FROM traceability.mt_events"), verified.EventsChecked);
        Assert.Equal(10 * 25 + 2 * 3 * 120 + 2 * 11, await log.ScalarAsync(
            "SELECT count(*) FROM traceability.mt_events WHERE stream_id LIKE $1", $"aou/{prefix}-%"));
    }
}
