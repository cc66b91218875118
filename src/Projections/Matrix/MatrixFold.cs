using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Projections.Matrix;

/// <summary>
/// The matrix's one definition: how each event changes the rows of its baseline. The inline
/// projection and the as-of reader both fold with this, so the live matrix and the matrix "as it
/// was at seq N" cannot disagree about what a flag means.
/// </summary>
public static class MatrixFold
{
    /// <summary>The baseline and symbol a decision event is about; null for other events.</summary>
    public static (string Baseline, string Symbol)? DecisionKey(object data) => data switch
    {
        DecisionProposed e => (e.Baseline, e.Symbol),
        DecisionRevised e => (e.Baseline, e.Symbol),
        DecisionApproved e => (e.Baseline, e.Symbol),
        DecisionRejected e => (e.Baseline, e.Symbol),
        DecisionMarkedSuspect e => (e.Baseline, e.Symbol),
        DecisionReconfirmed e => (e.Baseline, e.Symbol),
        DecisionWithdrawn e => (e.Baseline, e.Symbol),
        EvidenceAttached e => (e.Baseline, e.Symbol),
        DecisionCarriedForward e => (e.Baseline, e.Symbol),
        _ => null,
    };

    /// <summary>Applies a decision event to its row (an empty row when the symbol had none); only the decision side changes.</summary>
    public static MatrixRow ApplyDecision(MatrixRow row, RecordedEvent e)
    {
        var touched = row with { DecisionChange = Change(e) };
        return e.Data switch
        {
            DecisionProposed p => touched with
            {
                DecidedValue = p.Value, Status = MatrixRow.Proposed, Revision = 1, Rationale = p.Rationale,
                Assumptions = p.Assumptions, Features = p.Features, Requirements = p.Requirements, Suspect = false, EvidenceCount = 0,
            },
            DecisionRevised r => touched with
            {
                DecidedValue = r.Value, Status = MatrixRow.Proposed, Revision = r.Revision, Rationale = r.Rationale,
                Assumptions = r.Assumptions, Features = r.Features, Requirements = r.Requirements, Suspect = false,
            },
            DecisionCarriedForward c => touched with
            {
                DecidedValue = c.Value, Status = c.Status.ToString().ToLowerInvariant(), Revision = 1, Rationale = c.Rationale,
                Assumptions = c.Assumptions, Features = c.Features, Requirements = c.Requirements, Suspect = false, EvidenceCount = 0,
            },
            DecisionApproved => touched with { Status = MatrixRow.Approved, Suspect = false },
            DecisionRejected => touched with { Status = MatrixRow.Rejected },
            DecisionMarkedSuspect => touched with { Suspect = true },
            DecisionReconfirmed => touched with { Suspect = false },
            DecisionWithdrawn => touched with { Status = MatrixRow.Withdrawn, Suspect = false },
            EvidenceAttached => touched with { EvidenceCount = row.EvidenceCount + 1 },
            _ => row,
        };
    }

    private static RowChange Change(RecordedEvent e) => new(e.Metadata.Actor, e.Timestamp, e.Id, e.Position);

    /// <summary>
    /// Applies an import to all rows of its baseline; returns the rows whose config side changed (a row that
    /// became empty leaves the matrix). A symbol's last config change moves only when its value did.
    /// </summary>
    public static IReadOnlyList<MatrixRow> ApplyImport(IReadOnlyDictionary<string, MatrixRow> rows, ConfigImported imported, RecordedEvent e)
    {
        var changed = new List<MatrixRow>();
        foreach (var (symbol, value) in imported.Values)
        {
            var row = rows.GetValueOrDefault(symbol) ?? MatrixRow.Empty(imported.Baseline, symbol);
            if (row.ConfigValue != value) changed.Add(row with { ConfigValue = value, ConfigChange = Change(e) });
        }
        foreach (var row in rows.Values)
        {
            if (row.ConfigValue is not null && !imported.Values.ContainsKey(row.Symbol))
                changed.Add(row with { ConfigValue = null, ConfigChange = Change(e) });
        }
        return changed;
    }
}
