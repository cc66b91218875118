using Npgsql;
using NpgsqlTypes;

namespace Traceability.Projections.Events;

public sealed partial class EventStore
{
    /// <summary>From this many events on (imports, derives), binary COPY beats a multi-row INSERT.</summary>
    private const int CopyThreshold = 256;

    private static async Task CopyEvents(NpgsqlConnection connection, List<(RecordedEvent Event, string Text, string Metadata)> rows, CancellationToken ct)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY traceability.events (seq_id, id, stream_id, version, type, data, metadata, \"timestamp\", prev_hash, hash) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (e, text, metadata) in rows)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(e.SeqId, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(e.StreamId, NpgsqlDbType.Text, ct);
            await import.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(e.Type, NpgsqlDbType.Text, ct);
            await import.WriteAsync(text, NpgsqlDbType.Jsonb, ct);
            await import.WriteAsync(metadata, NpgsqlDbType.Jsonb, ct);
            await import.WriteAsync(e.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            if (e.PrevHash is null) await import.WriteNullAsync(ct);
            else await import.WriteAsync(e.PrevHash, NpgsqlDbType.Bytea, ct);
            await import.WriteAsync(e.Hash, NpgsqlDbType.Bytea, ct);
        }
        await import.CompleteAsync(ct);
    }

    private static async Task UpsertStreams(NpgsqlConnection connection, Dictionary<string, (string Type, long Version)> streams, DateTime timestamp, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO traceability.streams (id, type, version, created, "timestamp")
            SELECT s.id, s.type, s.version, $4, $4 FROM unnest($1::text[], $2::text[], $3::bigint[]) AS s(id, type, version)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, "timestamp" = excluded."timestamp"
            """, connection);
        command.Parameters.Add(new() { Value = streams.Keys.ToArray() });
        command.Parameters.Add(new() { Value = streams.Values.Select(s => s.Type).ToArray() });
        command.Parameters.Add(new() { Value = streams.Values.Select(s => s.Version).ToArray() });
        command.Parameters.Add(new() { Value = timestamp, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Notify(NpgsqlConnection connection, long lastSeqId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_notify('{NotifyChannel}', $1)", connection);
        command.Parameters.Add(new() { Value = lastSeqId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await command.ExecuteNonQueryAsync(ct);
    }
}
