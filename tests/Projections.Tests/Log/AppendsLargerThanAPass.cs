using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// An append is atomic, so the chain keeps it whole: consecutive positions, one sealing moment, and every event's
/// batch_end at the append's last position, however many events it holds. Reading "as of" a position or a time maps
/// to the end of the append that holds it (AsOf), so an append the sealer cut at its pass size (500 events) let an
/// export as of its middle show half a derive: a state the log never was in.
/// </summary>
public sealed class AppendsLargerThanAPass(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task An_append_of_1200_events_sealed_beside_another_append_stays_whole_in_the_chain()
    {
        // A small append committed first takes the lowest seq ids, so a pass of 500 would end inside the big one.
        var small = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(small, Events.Drafted("small")), Events.Alice);
        var ids = Enumerable.Range(0, 4).Select(_ => Events.Id("AOU")).ToList();
        var streams = ids.Select(AssumptionOfUse.StreamId).ToList();
        await log.Log.AppendAsync(ids.Select(id => StreamAppend.Start(AssumptionOfUse.StreamId(id), Events.History(id, 300))).ToList(), Events.Alice);
        await log.Log.Sealer.SealAsync();

        var positions = new List<long>();
        foreach (var stream in streams) positions.AddRange((await log.Log.ReadStreamAsync(stream)).Select(e => e.Position!.Value));
        positions.Sort();
        var (first, last) = (positions[0], positions[^1]);

        Assert.Equal(1200, positions.Count);
        Assert.Equal(last - first + 1, positions.Count);
        Assert.Equal(0, await log.ScalarAsync("SELECT count(*) FROM traceability.event_chain WHERE position BETWEEN $1 AND $2 AND batch_end <> $2", first, last));
        Assert.Equal(1, await log.ScalarAsync("SELECT count(DISTINCT chained_at) FROM traceability.event_chain WHERE position BETWEEN $1 AND $2", first, last));
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
    }
}
