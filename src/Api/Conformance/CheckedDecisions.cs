using Npgsql;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Conformance;

/// <summary>The baseline's live decisions (not withdrawn) from the matrix, and the log's head they reflect.</summary>
public sealed record CheckedDecisions(IReadOnlyList<MatrixRow> Rows, long AsOfSeq)
{
    /// <summary>
    /// One statement, so one snapshot: the matrix is kept inline with every append, hence the rows
    /// are exactly the state as of the head read beside them.
    /// </summary>
    public static async Task<CheckedDecisions> LoadAsync(NpgsqlDataSource dataSource, string baseline, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {MatrixRows.Columns}, h.head
            FROM (SELECT coalesce(max(seq_id), 0) AS head FROM traceability.events) h
            LEFT JOIN traceability.matrix_rows ON baseline = $1 AND status IN ($2, $3, $4)
            """);
        command.Parameters.Add(new() { Value = baseline });
        command.Parameters.Add(new() { Value = MatrixRow.Approved });
        command.Parameters.Add(new() { Value = MatrixRow.Proposed });
        command.Parameters.Add(new() { Value = MatrixRow.Rejected });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<MatrixRow>();
        long head = 0;
        while (await reader.ReadAsync(ct))
        {
            head = reader.GetInt64(reader.FieldCount - 1);
            if (!reader.IsDBNull(0)) rows.Add(MatrixRows.Read(reader));
        }
        rows.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        return new CheckedDecisions(rows, head);
    }
}
