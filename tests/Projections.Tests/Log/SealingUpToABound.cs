using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// The sealing service seals up to a sequence number it noted a second earlier, off the pages the writers are filling.
/// A bound that falls inside an append must not cut it: the pass reads on past the bound and seals the append whole,
/// and leaves what was numbered after it for a later pass.
/// </summary>
public sealed class SealingUpToABound(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task A_pass_bounded_inside_an_append_seals_it_whole_and_nothing_numbered_after_it()
    {
        await log.Log.Sealer.SealAsync();
        var before = (await log.Log.Sealer.ProgressAsync()).LastHandedOut;
        var (big, later) = (Events.Id("AOU"), Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(AssumptionOfUse.StreamId(big), Events.History(big, 120)), Events.Alice);
        await log.Log.AppendAsync(StreamAppend.Start(AssumptionOfUse.StreamId(later), Events.Drafted(later)), Events.Alice);

        var sealedNow = await log.Log.Sealer.TrySealAsync(upTo: before + 60);

        var positions = (await log.Log.ReadStreamAsync(AssumptionOfUse.StreamId(big))).Select(e => e.Position).ToList();
        Assert.Equal(120, sealedNow);
        Assert.All(positions, p => Assert.NotNull(p));
        Assert.Equal(119, positions[^1]!.Value - positions[0]!.Value);
        Assert.Null(Assert.Single(await log.Log.ReadStreamAsync(AssumptionOfUse.StreamId(later))).Position);

        Assert.Equal(1, await log.Log.Sealer.TrySealAsync(upTo: before + 121));
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
    }
}
