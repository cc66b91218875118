using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Projections.ReadModels;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Matrix;

public sealed class MatrixHistoryAndRebuild(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task The_matrix_as_of_a_position_equals_the_live_matrix_at_that_moment_and_a_rebuild_changes_nothing()
    {
        var s = new MatrixScenario(log);
        await s.CreateBaselineAsync("real");
        await s.ImportAsync("real", MatrixScenario.Sample("linux-6.1.arm64_none_arm64.config").Values, "sha61");
        foreach (var symbol in new[] { "FUTEX", "ARM64_PAN", "SLAB", "RANDOMIZE_BASE" })
            await s.DecideAsync("real", symbol, "engineer-1", MatrixScenario.Proposed("real", symbol, "y", "AOU-0001"), new DecisionApproved("real", symbol, 1, "ok"));
        var liveThen = MatrixScenario.Describe(await s.LiveAsync("real"));
        var moment = (await s.Log.Sealer.SealAsync()).Position;

        await s.ImportAsync("real", MatrixScenario.Sample("linux-6.12.arm64_none_arm64.config").Values, "sha612");
        await s.DecideAsync("real", "FUTEX", "engineer-2", new DecisionMarkedSuspect("real", "FUTEX", "aou/AOU-0001 revised (r2)"));
        var liveNow = MatrixScenario.Describe(await s.LiveAsync("real"));

        Assert.Equal(liveThen, MatrixScenario.Describe(await MatrixHistory.AtAsync(s.Log, "real", moment)));
        Assert.Equal(liveNow, MatrixScenario.Describe(await MatrixHistory.AtAsync(s.Log, "real", long.MaxValue)));
        Assert.NotEqual(liveThen, liveNow);
        var slab = liveNow.Split('\n').Single(l => l.StartsWith("SLAB|", StringComparison.Ordinal));
        Assert.StartsWith("SLAB||y|approved|", slab, StringComparison.Ordinal);
        Assert.Contains("symbol-missing", slab, StringComparison.Ordinal);

        await new ReadModelRebuild(s.Log).RunAsync();
        Assert.Equal(liveNow, MatrixScenario.Describe(await s.LiveAsync("real")));
    }
}
