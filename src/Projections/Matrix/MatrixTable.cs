using Npgsql;
using NpgsqlTypes;

namespace Traceability.Projections.Matrix;

/// <summary>Writes whole rows, both sides at once (a rebuild).</summary>
public static class MatrixTable
{
    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<MatrixRow> rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO traceability.matrix_rows (baseline, symbol, config_value, config_actor, config_time, config_event, decided_value,
                status, revision, rationale, assumptions, features, requirements, evidence_count, suspect, decision_actor, decision_time, decision_event)
            SELECT b, s, cv, ca, ct, ce, dv, st, rv, ra, string_to_array(a, ','), string_to_array(f, ','), string_to_array(q, ','), ec, su, da, dt, de
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::text[],
                $11::text[], $12::text[], $13::text[], $14::int[], $15::bool[], $16::text[], $17::timestamptz[], $18::uuid[])
                AS r(b, s, cv, ca, ct, ce, dv, st, rv, ra, a, f, q, ec, su, da, dt, de)
            """, connection);
        object[] values =
        [
            rows.Select(r => r.Baseline).ToArray(), rows.Select(r => r.Symbol).ToArray(), rows.Select(r => r.ConfigValue).ToArray(),
            rows.Select(r => r.ConfigChange?.Actor).ToArray(), rows.Select(r => r.ConfigChange?.Time).ToArray(),
            rows.Select(r => r.ConfigChange?.EventId).ToArray(), rows.Select(r => r.DecidedValue).ToArray(), rows.Select(r => r.Status).ToArray(),
            rows.Select(r => r.Revision).ToArray(), rows.Select(r => r.Rationale).ToArray(),
            rows.Select(r => string.Join(',', r.Assumptions)).ToArray(), rows.Select(r => string.Join(',', r.Features)).ToArray(),
            rows.Select(r => string.Join(',', r.Requirements)).ToArray(), rows.Select(r => r.EvidenceCount).ToArray(),
            rows.Select(r => r.Suspect).ToArray(), rows.Select(r => r.DecisionChange?.Actor).ToArray(),
            rows.Select(r => r.DecisionChange?.Time).ToArray(), rows.Select(r => r.DecisionChange?.EventId).ToArray(),
        ];
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
