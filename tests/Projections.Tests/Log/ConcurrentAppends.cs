using JasperFx;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

public sealed class ConcurrentAppends(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task Sixteen_appenders_at_one_expected_version_exactly_one_wins()
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("race")), Events.Alice);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await log.Log.AppendAsync(new StreamAppend(stream, 1, [new AssumptionRevised("race", 2, "environment", $"text {i}", "race")]), Events.Alice);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })).ToList();
        start.Set();
        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
        Assert.Equal([1L, 2L], (await log.Log.ReadStreamAsync(stream)).Select(e => e.Version));
    }

    [Fact]
    public async Task Sixteen_writers_lose_nothing_and_the_sealed_chain_is_gapless_signed_and_valid()
    {
        var prefix = Events.Id("w");
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var stream = AssumptionOfUse.StreamId($"{prefix}-{w}");
            await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted($"{prefix}-{w}")), Events.Alice);
            for (var i = 2; i <= 20; i++)
                await log.Log.AppendAsync(new StreamAppend(stream, i - 1, [new AssumptionRevised($"{prefix}-{w}", i, "environment", $"r{i}", "next")]), Events.Alice);
        }));
        await Task.WhenAll(writers);

        for (var w = 0; w < 16; w++)
            Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), (await log.Log.ReadStreamAsync(AssumptionOfUse.StreamId($"{prefix}-{w}"))).Select(e => e.Version));
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
        Assert.Equal(await log.ScalarAsync("SELECT count(*) FROM traceability.mt_events"), verified.EventsChecked);
        Assert.Equal(0, await log.ScalarAsync(
            "SELECT count(*) FROM traceability.mt_events e WHERE NOT EXISTS (SELECT 1 FROM traceability.event_chain c WHERE c.seq_id = e.seq_id)"));
    }

    [Fact]
    public async Task The_chain_orders_appends_as_they_committed_and_keeps_each_append_together()
    {
        var (a, b) = (AssumptionOfUse.StreamId(Events.Id("AOU")), AssumptionOfUse.StreamId(Events.Id("AOU")));
        await log.Log.AppendAsync([StreamAppend.Start(a, Events.Drafted("a")), StreamAppend.Start(b, Events.Drafted("b"))], Events.Alice);
        await log.Log.AppendAsync(new StreamAppend(a, 1, [new AssumptionAccepted("a", 1)]), Events.Alice);
        await log.Log.Sealer.SealAsync();

        var positions = (await log.Log.ReadStreamAsync(a)).Concat(await log.Log.ReadStreamAsync(b)).Select(e => e.Position!.Value).Order().ToList();

        Assert.Equal(Enumerable.Range((int)positions[0], 3).Select(p => (long)p), positions);
        Assert.Equal(positions[1], await log.ScalarAsync("SELECT batch_end FROM traceability.event_chain WHERE position = $1", positions[0]));
    }
}
