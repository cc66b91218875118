using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Projections.Matrix;

/// <summary>The matrix of a baseline as it was after <c>seq_id</c> N: its events up to N, folded in memory.</summary>
public static class MatrixHistory
{
    public static async Task<IReadOnlyList<MatrixRow>> AtAsync(EventStore store, string baseline, long maxSeqId, CancellationToken ct = default)
    {
        var state = new MatrixState(baseline);
        var events = await store.ReadStreamAndPrefixAsync(Baseline.StreamId(baseline), DecisionPrefix(baseline), maxSeqId, ct);
        foreach (var e in events) state.Apply(e);
        return state.Rows;
    }

    /// <summary>decision/{baseline}/ — the stream-id prefix of one baseline's decisions.</summary>
    public static string DecisionPrefix(string baseline) => Decision.StreamId(baseline, "X")[..^1];
}
