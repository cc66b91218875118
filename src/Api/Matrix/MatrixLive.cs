using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>The live matrix: <see cref="MatrixSql"/> on traceability.matrix_rows, which the inline projection keeps current.</summary>
public static class MatrixLive
{
    /// <summary>
    /// One page, its total and the head seq_id it reflects, read in one snapshot: the projection
    /// commits with its events, so the rows are exactly the matrix after that head.
    /// </summary>
    public static async Task<(long Head, int Total, IReadOnlyList<MatrixRow> Rows)> PageAsync(
        NpgsqlDataSource dataSource, string baseline, MatrixQuery query, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var (countWhere, countParameters) = MatrixSql.Where(baseline, query);
        var count = new NpgsqlBatchCommand($"""
            SELECT coalesce((SELECT seq_id FROM traceability.events ORDER BY seq_id DESC LIMIT 1), 0),
                   (SELECT count(*) FROM traceability.matrix_rows WHERE {countWhere})
            """);
        count.Parameters.AddRange(countParameters.ToArray());
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(Select(baseline, query, paged: true));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (head, total) = (reader.GetInt64(0), (int)reader.GetInt64(1));
        await reader.NextResultAsync(ct);
        var rows = new List<MatrixRow>();
        while (await reader.ReadAsync(ct)) rows.Add(MatrixRows.Read(reader));
        return (head, total, rows);
    }

    /// <summary>Every matching row in order, read row by row from one statement (one snapshot): the CSV.</summary>
    public static async IAsyncEnumerable<MatrixRow> StreamAsync(
        NpgsqlDataSource dataSource, string baseline, MatrixQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Select(baseline, query, paged: false) } };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return MatrixRows.Read(reader);
    }

    private static NpgsqlBatchCommand Select(string baseline, MatrixQuery query, bool paged)
    {
        var (where, parameters) = MatrixSql.Where(baseline, query);
        var page = "";
        if (paged)
        {
            parameters.Add(new NpgsqlParameter { Value = (long)query.PageSize });
            parameters.Add(new NpgsqlParameter { Value = query.Offset });
            page = $" LIMIT ${parameters.Count - 1} OFFSET ${parameters.Count}";
        }
        var command = new NpgsqlBatchCommand(
            $"SELECT {MatrixRows.Columns} FROM traceability.matrix_rows WHERE {where} ORDER BY {MatrixSql.OrderBy(query)}{page}");
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
