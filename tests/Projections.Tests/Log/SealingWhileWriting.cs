using JasperFx;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// The sealer's watermark under real concurrency: small appends, bulk appends that hold their sequence numbers open
/// while they write, and appends that lose a race (rolled back numbers, Marten's gap fillers), with two sealers of two
/// "processes" (each its own fence) passing all the time. An event the watermark passed before it committed would
/// stay outside the chain, and verify would name it.
/// </summary>
public sealed class SealingWhileWriting(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task Every_event_written_while_two_sealers_pass_is_chained_once_and_the_log_verifies()
    {
        using var writing = new CancellationTokenSource();
        var sealers = new[] { new ChainSealer(log.Runtime), new ChainSealer(log.Runtime) }
            .Select(sealer => Task.Run(async () =>
            {
                while (!writing.IsCancellationRequested) await sealer.TrySealAsync(CancellationToken.None);
            })).ToList();
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
        Assert.Equal(await log.ScalarAsync("SELECT count(*) FROM traceability.mt_events"), verified.EventsChecked);
        Assert.Equal(10 * 25 + 2 * 3 * 120 + 2 * 11, await log.ScalarAsync(
            "SELECT count(*) FROM traceability.mt_events WHERE stream_id LIKE $1", $"aou/{prefix}-%"));
    }
}
