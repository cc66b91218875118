using Npgsql;

namespace Traceability.Projections.Matrix;

/// <summary>Reads and writes matrix_rows; the mapping between the table and <see cref="MatrixRow"/> lives here only.</summary>
public static class MatrixRows
{
    public const string Columns = """
        baseline, symbol, config_value, decided_value, status, revision, rationale, assumptions, features, requirements,
        evidence_count, suspect, last_actor, last_time, last_seq
        """;

    public static MatrixRow Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5), Text(r, 6),
        r.GetFieldValue<string[]>(7), r.GetFieldValue<string[]>(8), r.GetFieldValue<string[]>(9), r.GetInt32(10), r.GetBoolean(11),
        Text(r, 12), r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13), r.GetInt64(14));

    public static async Task<Dictionary<(string, string), MatrixRow>> LoadAsync(
        NpgsqlConnection connection, string[] wholeBaselines, IReadOnlyList<(string Baseline, string Symbol)> keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM traceability.matrix_rows WHERE baseline = ANY($1)
            UNION SELECT {Columns} FROM traceability.matrix_rows m
            JOIN unnest($2::text[], $3::text[]) AS k(b, s) ON m.baseline = k.b AND m.symbol = k.s
            """, connection);
        command.Parameters.Add(new() { Value = wholeBaselines });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Baseline).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Symbol).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new Dictionary<(string, string), MatrixRow>();
        while (await reader.ReadAsync(ct))
        {
            var row = Read(reader);
            rows[(row.Baseline, row.Symbol)] = row;
        }
        return rows;
    }

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<MatrixRow> rows, CancellationToken ct)
    {
        var kept = rows.Where(r => !r.IsEmpty).ToList();
        var gone = rows.Where(r => r.IsEmpty).ToList();
        await using var batch = new NpgsqlBatch(connection);
        if (gone.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                DELETE FROM traceability.matrix_rows m USING unnest($1::text[], $2::text[]) AS k(b, s) WHERE m.baseline = k.b AND m.symbol = k.s
                """) { Parameters = { new() { Value = gone.Select(r => r.Baseline).ToArray() }, new() { Value = gone.Select(r => r.Symbol).ToArray() } } });
        }
        if (kept.Count > 0) batch.BatchCommands.Add(Upsert(kept));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Link lists travel as one comma-joined text per row (ids never hold commas), split in SQL.</summary>
    private static NpgsqlBatchCommand Upsert(List<MatrixRow> rows) => new("""
        INSERT INTO traceability.matrix_rows (baseline, symbol, config_value, decided_value, status, revision, rationale,
            assumptions, features, requirements, evidence_count, suspect, undocumented, deviation, unapproved, symbol_missing,
            last_actor, last_time, last_seq)
        SELECT b, s, cv, dv, st, rv, ra, string_to_array(a, ','), string_to_array(f, ','), string_to_array(q, ','),
            ec, su, un, de, ua, sm, la, lt, ls
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[],
            $11::int[], $12::bool[], $13::bool[], $14::bool[], $15::bool[], $16::bool[], $17::text[], $18::timestamptz[], $19::bigint[])
            AS r(b, s, cv, dv, st, rv, ra, a, f, q, ec, su, un, de, ua, sm, la, lt, ls)
        ON CONFLICT (baseline, symbol) DO UPDATE SET config_value = excluded.config_value, decided_value = excluded.decided_value,
            status = excluded.status, revision = excluded.revision, rationale = excluded.rationale, assumptions = excluded.assumptions,
            features = excluded.features, requirements = excluded.requirements, evidence_count = excluded.evidence_count,
            suspect = excluded.suspect, undocumented = excluded.undocumented, deviation = excluded.deviation,
            unapproved = excluded.unapproved, symbol_missing = excluded.symbol_missing, last_actor = excluded.last_actor,
            last_time = excluded.last_time, last_seq = excluded.last_seq
        """)
    {
        Parameters =
        {
            new() { Value = rows.Select(r => r.Baseline).ToArray() }, new() { Value = rows.Select(r => r.Symbol).ToArray() },
            new() { Value = rows.Select(r => r.ConfigValue).ToArray() }, new() { Value = rows.Select(r => r.DecidedValue).ToArray() },
            new() { Value = rows.Select(r => r.Status).ToArray() }, new() { Value = rows.Select(r => r.Revision).ToArray() },
            new() { Value = rows.Select(r => r.Rationale).ToArray() },
            new() { Value = rows.Select(r => string.Join(',', r.Assumptions)).ToArray() },
            new() { Value = rows.Select(r => string.Join(',', r.Features)).ToArray() },
            new() { Value = rows.Select(r => string.Join(',', r.Requirements)).ToArray() },
            new() { Value = rows.Select(r => r.EvidenceCount).ToArray() }, new() { Value = rows.Select(r => r.Suspect).ToArray() },
            new() { Value = rows.Select(r => r.Undocumented).ToArray() }, new() { Value = rows.Select(r => r.Deviation).ToArray() },
            new() { Value = rows.Select(r => r.Unapproved).ToArray() }, new() { Value = rows.Select(r => r.SymbolMissing).ToArray() },
            new() { Value = rows.Select(r => r.LastActor).ToArray() }, new() { Value = rows.Select(r => r.LastTime).ToArray() },
            new() { Value = rows.Select(r => r.LastSeq).ToArray() },
        },
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
