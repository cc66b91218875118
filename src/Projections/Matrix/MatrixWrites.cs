using Marten;

namespace Traceability.Projections.Matrix;

/// <summary>
/// Writes one side of changed rows: config columns for an import, decision columns for decision events.
/// The flags are generated columns of both sides, so an import and a decision committing at once on the
/// same row each keep their half and the flags follow both.
/// </summary>
public static class MatrixWrites
{
    public static void QueueConfigSide(IDocumentOperations operations, IReadOnlyList<MatrixRow> rows)
    {
        if (rows.Count == 0) return;
        operations.QueueSqlCommand("""
            INSERT INTO traceability.matrix_rows (baseline, symbol, config_value, config_actor, config_time, config_event)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[])
            ON CONFLICT (baseline, symbol) DO UPDATE SET config_value = excluded.config_value, config_actor = excluded.config_actor,
                config_time = excluded.config_time, config_event = excluded.config_event
            """,
            rows.Select(r => r.Baseline).ToArray(), rows.Select(r => r.Symbol).ToArray(), rows.Select(r => r.ConfigValue).ToArray(),
            rows.Select(r => r.ConfigChange?.Actor).ToArray(), rows.Select(r => r.ConfigChange?.Time).ToArray(),
            rows.Select(r => r.ConfigChange?.EventId).ToArray());
        operations.QueueSqlCommand(
            "DELETE FROM traceability.matrix_rows WHERE baseline = ANY(?::text[]) AND config_value IS NULL AND status IS NULL",
            [rows.Select(r => r.Baseline).Distinct().ToArray()]);
    }

    /// <summary>Link lists travel as one comma-joined text per row (ids never hold commas), split in SQL.</summary>
    public static void QueueDecisionSide(IDocumentOperations operations, IReadOnlyList<MatrixRow> rows)
    {
        if (rows.Count == 0) return;
        operations.QueueSqlCommand("""
            INSERT INTO traceability.matrix_rows (baseline, symbol, decided_value, status, revision, rationale, assumptions, features,
                requirements, evidence_count, suspect, decision_actor, decision_time, decision_event)
            SELECT b, s, dv, st, rv, ra, string_to_array(a, ','), string_to_array(f, ','), string_to_array(q, ','), ec, su, da, dt, de
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                ?::bool[], ?::text[], ?::timestamptz[], ?::uuid[]) AS r(b, s, dv, st, rv, ra, a, f, q, ec, su, da, dt, de)
            ON CONFLICT (baseline, symbol) DO UPDATE SET decided_value = excluded.decided_value, status = excluded.status,
                revision = excluded.revision, rationale = excluded.rationale, assumptions = excluded.assumptions,
                features = excluded.features, requirements = excluded.requirements, evidence_count = excluded.evidence_count,
                suspect = excluded.suspect, decision_actor = excluded.decision_actor, decision_time = excluded.decision_time,
                decision_event = excluded.decision_event
            """,
            rows.Select(r => r.Baseline).ToArray(), rows.Select(r => r.Symbol).ToArray(), rows.Select(r => r.DecidedValue).ToArray(),
            rows.Select(r => r.Status).ToArray(), rows.Select(r => r.Revision).ToArray(), rows.Select(r => r.Rationale).ToArray(),
            rows.Select(r => string.Join(',', r.Assumptions)).ToArray(), rows.Select(r => string.Join(',', r.Features)).ToArray(),
            rows.Select(r => string.Join(',', r.Requirements)).ToArray(), rows.Select(r => r.EvidenceCount).ToArray(),
            rows.Select(r => r.Suspect).ToArray(), rows.Select(r => r.DecisionChange?.Actor).ToArray(),
            rows.Select(r => r.DecisionChange?.Time).ToArray(), rows.Select(r => r.DecisionChange?.EventId).ToArray());
    }
}
