using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Projections.Trust;

namespace Traceability.Api.Matrix;

/// <summary>The live matrix: <see cref="MatrixSql"/> on traceability.matrix_rows, which the inline projection keeps current.</summary>
public static class MatrixLive
{
    private const int Attempts = 3;

    /// <summary>
    /// One page, its total and the chain position it reflects, read in one snapshot after sealing: when
    /// nothing is waiting to be sealed in that snapshot, the rows are exactly the matrix as of that position.
    /// Under a stream of writes the position is the newest sealed one (the rows may already hold a little more).
    /// </summary>
    public static async Task<(long Head, int Total, IReadOnlyList<MatrixRow> Rows)> PageAsync(
        EventLog log, string baseline, MatrixQuery query, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await log.Sealer.SealAsync(ct);
            var (pending, page) = await ReadAsync(log.DataSource, baseline, query, ct);
            if (!pending || attempt == Attempts) return page;
        }
    }

    private static async Task<(bool Pending, (long, int, IReadOnlyList<MatrixRow>) Page)> ReadAsync(
        NpgsqlDataSource dataSource, string baseline, MatrixQuery query, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var (countWhere, countParameters) = MatrixSql.Where(baseline, query);
        var count = new NpgsqlBatchCommand($"""
            SELECT coalesce((SELECT position FROM traceability.event_chain ORDER BY position DESC LIMIT 1), 0),
                   (SELECT count(*) FROM traceability.matrix_rows WHERE {countWhere}),
                   {ChainReads.UnsealedExists}
            """);
        count.Parameters.AddRange(countParameters.ToArray());
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(Select(baseline, query, paged: true));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (head, total, pending) = (reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetBoolean(2));
        await reader.NextResultAsync(ct);
        var rows = new List<MatrixRow>();
        while (await reader.ReadAsync(ct)) rows.Add(MatrixRows.Read(reader));
        return (pending, (head, total, rows));
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
            $"SELECT {MatrixRows.Columns} FROM {MatrixRows.From} WHERE {where} ORDER BY {MatrixSql.OrderBy(query)}{page}");
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
