using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Projections.Matrix;

/// <summary>The matrix of a baseline as it was at chain position N: its events up to N, folded in memory.</summary>
public static class MatrixHistory
{
    public static async Task<IReadOnlyList<MatrixRow>> AtAsync(EventLog log, string baseline, long maxPosition, CancellationToken ct = default)
    {
        var state = new MatrixState(baseline);
        foreach (var e in await log.ReadStreamAndPrefixAsync(Baseline.StreamId(baseline), DecisionPrefix(baseline), maxPosition, ct)) state.Apply(e);
        return state.Rows;
    }

    /// <summary>decision/{baseline}/ — the stream-id prefix of one baseline's decisions.</summary>
    public static string DecisionPrefix(string baseline) => Decision.StreamId(baseline, "X")[..^1];
}
