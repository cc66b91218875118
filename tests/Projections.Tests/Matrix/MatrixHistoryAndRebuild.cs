using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Matrix;

public sealed class MatrixHistoryAndRebuild(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_matrix_as_of_a_seq_id_equals_the_live_matrix_at_that_moment_and_a_rebuild_changes_nothing()
    {
        await using var s = new MatrixScenario(db.DataSource);
        await s.CreateBaselineAsync("real");
        await s.ImportAsync("real", MatrixScenario.Sample("linux-6.1.arm64_none_arm64.config").Values, "sha61");
        foreach (var symbol in new[] { "FUTEX", "ARM64_PAN", "SLAB", "RANDOMIZE_BASE" })
            await s.DecideAsync("real", symbol, "engineer-1", MatrixScenario.Proposed("real", symbol, "y", "AOU-0001"), new DecisionApproved("real", symbol, 1, "ok"));
        var moment = (await s.Store.HeadAsync()).SeqId;
        var liveThen = MatrixScenario.Describe(await s.LiveAsync("real"));

        await s.ImportAsync("real", MatrixScenario.Sample("linux-6.12.arm64_none_arm64.config").Values, "sha612");
        await s.DecideAsync("real", "FUTEX", "engineer-2", new DecisionMarkedSuspect("real", "FUTEX", "aou/AOU-0001 revised (r2)"));
        var liveNow = MatrixScenario.Describe(await s.LiveAsync("real"));

        Assert.Equal(liveThen, MatrixScenario.Describe(await MatrixHistory.AtAsync(s.Store, "real", moment)));
        Assert.Equal(liveNow, MatrixScenario.Describe(await MatrixHistory.AtAsync(s.Store, "real", long.MaxValue)));
        Assert.NotEqual(liveThen, liveNow);
        var slab = liveNow.Split('\n').Single(l => l.StartsWith("SLAB|", StringComparison.Ordinal));
        Assert.StartsWith("SLAB||y|approved|", slab, StringComparison.Ordinal);
        Assert.Contains("symbol-missing", slab, StringComparison.Ordinal);

        await InlineRebuild.RunAsync(s.Store, s.Projection);
        Assert.Equal(liveNow, MatrixScenario.Describe(await s.LiveAsync("real")));
    }
}
