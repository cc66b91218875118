using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Conformance;

/// <summary>The baseline's live decisions (not withdrawn) from the matrix, and the log's head they reflect.</summary>
public sealed record CheckedDecisions(IReadOnlyList<MatrixRow> Rows, long AsOfPosition)
{
    /// <summary>
    /// One statement, so one snapshot: the matrix is kept inline with every append, hence the rows
    /// are exactly the state as of the head read beside them.
    /// </summary>
    public static async Task<CheckedDecisions> LoadAsync(EventLog log, string baseline, CancellationToken ct)
    {
        await log.Sealer.SealAsync(ct);
        await using var command = log.DataSource.CreateCommand($"""
            SELECT {MatrixRows.Columns}, h.head
            FROM (SELECT coalesce(max(position), 0) AS head FROM traceability.event_chain) h
            LEFT JOIN ({MatrixRows.From}) ON m.baseline = $1 AND m.status IN ($2, $3, $4)
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
