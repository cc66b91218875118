using Npgsql;

namespace Traceability.Projections.Matrix;

/// <summary>Reads and writes matrix_rows; the mapping between the table and <see cref="MatrixRow"/> lives here only.</summary>
public static class MatrixRows
{
    /// <summary>The table with each side's last change resolved to its chain position (null until sealed).</summary>
    public const string From = """
        traceability.matrix_rows m
        LEFT JOIN traceability.event_chain cc ON cc.event_id = m.config_event
        LEFT JOIN traceability.event_chain dc ON dc.event_id = m.decision_event
        """;

    public const string Columns = """
        m.baseline, m.symbol, m.config_value, m.decided_value, m.status, m.revision, m.rationale, m.assumptions, m.features,
        m.requirements, m.evidence_count, m.suspect, m.config_actor, m.config_time, m.config_event, cc.position,
        m.decision_actor, m.decision_time, m.decision_event, dc.position
        """;

    public static MatrixRow Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5), Text(r, 6),
        r.GetFieldValue<string[]>(7), r.GetFieldValue<string[]>(8), r.GetFieldValue<string[]>(9), r.GetInt32(10), r.GetBoolean(11),
        Change(r, 12), Change(r, 16));

    /// <summary>Every row of <paramref name="wholeBaselines"/> and the rows of <paramref name="keys"/>, for the projection to fold.</summary>
    public static async Task<Dictionary<(string, string), MatrixRow>> LoadAsync(
        NpgsqlConnection connection, string[] wholeBaselines, IReadOnlyList<(string Baseline, string Symbol)> keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM {From} WHERE m.baseline = ANY($1)
            UNION ALL SELECT {Columns} FROM {From}
            JOIN unnest($2::text[], $3::text[]) AS k(b, s) ON m.baseline = k.b AND m.symbol = k.s
            WHERE NOT m.baseline = ANY($1)
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

    private static RowChange? Change(NpgsqlDataReader r, int at) => r.IsDBNull(at) ? null
        : new RowChange(r.GetString(at), r.GetFieldValue<DateTimeOffset>(at + 1), r.GetGuid(at + 2), r.IsDBNull(at + 3) ? null : r.GetInt64(at + 3));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
