using Npgsql;

namespace Traceability.Projections.Trust;

/// <summary>Reads of the chain's coordinates: its head, the position at a time, the end of an append.</summary>
public static class ChainReads
{
    /// <summary>
    /// SQL joined to mt_events e: c.chained is null for an event not in the chain. Each event is looked up on its own
    /// (the LIMIT keeps the planner from flattening the lookup into a join): as a join, the planner may walk a whole
    /// index every time, which cost the writers beside the sealer a quarter of their rate once (bench/README, "The
    /// sealer's read walked mt_events").
    /// </summary>
    public const string ChainedLookup =
        "LEFT JOIN LATERAL (SELECT true AS chained FROM traceability.event_chain c WHERE c.seq_id = e.seq_id LIMIT 1) c ON true";

    /// <summary>
    /// SQL: whether a committed event above the sealer's watermark is not chained yet, in the reader's snapshot. The
    /// events above the watermark are about one sealing pass's worth.
    /// </summary>
    public const string UnsealedExists = $"""
        EXISTS (SELECT 1 FROM traceability.mt_events e {ChainedLookup}
                WHERE e.seq_id > (SELECT seq_id FROM traceability.chain_watermark) AND c.chained IS NULL)
        """;

    /// <summary>SQL: the last chain row's position, link and sealing time (no row when the chain is empty).</summary>
    internal const string HeadSql = "SELECT position, link, chained_at FROM traceability.event_chain ORDER BY position DESC LIMIT 1";

    /// <summary>SQL: link(0), when there is one.</summary>
    internal const string GenesisSql = "SELECT link FROM traceability.chain_genesis";

    public static async Task<ChainHead> HeadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(HeadSql, connection);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct)) return new ChainHead(reader.GetInt64(0), (byte[])reader[1], reader.GetFieldValue<DateTimeOffset>(2));
        }
        return new ChainHead(0, await GenesisAsync(connection, ct), null);
    }

    /// <summary>link(0): empty, or the head of release 0.1.0's log when this database was migrated from it.</summary>
    public static async Task<byte[]> GenesisAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(GenesisSql, connection);
        return await command.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    public static async Task<byte[]> GenesisAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await GenesisAsync(connection, ct);
    }

    public static async Task<ChainHead> HeadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await HeadAsync(connection, ct);
    }

    /// <summary>The last position sealed at or before <paramref name="moment"/> (0 before the first).</summary>
    public static async Task<long> PositionAtAsync(NpgsqlDataSource dataSource, DateTimeOffset moment, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT position FROM traceability.event_chain WHERE chained_at <= $1 ORDER BY position DESC LIMIT 1");
        command.Parameters.Add(new() { Value = moment });
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    /// <summary>
    /// The last position of the append that holds <paramref name="position"/>: an append is atomic, so
    /// history "as of" one of its events includes the rest of it.
    /// </summary>
    public static async Task<long> AppendEndAsync(NpgsqlDataSource dataSource, long position, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT batch_end FROM traceability.event_chain WHERE position = $1");
        command.Parameters.Add(new() { Value = position });
        return await command.ExecuteScalarAsync(ct) is long end ? end : position;
    }
}
