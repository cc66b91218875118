using System.Text.Json;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Legacy;

/// <summary>
/// Copies release 0.1.0's log (traceability.legacy_events) into Marten's tables at start: verifies the old
/// hash chain first, keeps every event's id, stream, version, actor, role, reason, correlation and time,
/// signs each as its own append (so history "as of" any old event stays exact), makes the old head the
/// new chain's genesis, and records the copy as a log_migrated event, all in one transaction as the owner.
/// </summary>
public static class LegacyUpgrade
{
    private const long LockKey = 0x7472_6163_6500_0020;
    private const int Chunk = 1000;

    /// <summary>The copy's outcome; null when there was nothing to copy (a new database, or copied before).</summary>
    public static async Task<LogMigrated?> RunAsync(NpgsqlDataSource owner, ServiceKey key, CancellationToken ct = default)
    {
        await using var connection = await owner.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Scalar(connection, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
        if ((long)(await Scalar(connection, "SELECT count(*) FROM traceability.legacy_events", ct))! == 0) return null;
        if (await Scalar(connection, $"SELECT 1 FROM traceability.mt_streams WHERE id = '{LogEvents.MigrationStream}'", ct) is not null) return null;
        if ((long)(await Scalar(connection, "SELECT count(*) FROM traceability.mt_events", ct))! > 0)
            throw new LegacyLogBroken("Marten's log already holds events that were not copied from release 0.1.0's log; refusing to merge two histories.");
        var verified = await LegacyChain.VerifyAsync(connection, ct);
        await using (var genesis = new NpgsqlCommand("INSERT INTO traceability.chain_genesis (link) VALUES ($1)", connection))
        {
            genesis.Parameters.Add(new() { Value = verified.Head });
            await genesis.ExecuteNonQueryAsync(ct);
        }
        for (long after = 0; after < verified.LastSeq; after += Chunk)
            await EventRows.InsertAsync(connection, key, [.. (await ReadAsync(connection, after, ct)).Select(r => (IReadOnlyList<EventRow>)[r])], ct);
        var migrated = new LogMigrated("traceability 0.1.0 (traceability.legacy_events)", verified.Events, verified.LastSeq,
            Convert.ToHexStringLower(verified.Head), "legacy hash rule: see LegacyChain; the new chain's link(0) is this head");
        await EventRows.InsertAsync(connection, key, [[Record(migrated)]], ct);
        await transaction.CommitAsync(ct);
        return migrated;
    }

    private static async Task<List<EventRow>> ReadAsync(NpgsqlConnection connection, long after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT id, stream_id, version, type, data::text, metadata::text, "timestamp" FROM traceability.legacy_events
            WHERE seq_id > $1 ORDER BY seq_id LIMIT {Chunk}
            """, connection);
        command.Parameters.Add(new() { Value = after });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<EventRow>();
        while (await reader.ReadAsync(ct))
        {
            var metadata = JsonSerializer.Deserialize<EventMetadata>(reader.GetString(5), EventJson.Options) ?? new EventMetadata("unknown");
            rows.Add(new EventRow(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(6), metadata));
        }
        return rows;
    }

    private static EventRow Record(LogMigrated migrated) => new(
        Guid.CreateVersion7(), LogEvents.MigrationStream, 1, LogEvents.All[0].Alias, JsonSerializer.Serialize(migrated, EventJson.Options),
        MicrosecondClock.Instance.GetUtcNow(), new EventMetadata("system", Reason: "copy release 0.1.0's log into Marten's tables"));

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
