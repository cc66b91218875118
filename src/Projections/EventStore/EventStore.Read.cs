using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>How far to read: a stream version, a global seq_id or a moment (inclusive); null bounds are open.</summary>
public sealed record ReadBound(long? MaxVersion = null, long? MaxSeqId = null, DateTimeOffset? AsOf = null)
{
    public static readonly ReadBound All = new();
}

public sealed partial class EventStore
{
    private const string Columns =
        "seq_id, id, stream_id, version, type, data::text, metadata::text, \"timestamp\", prev_hash, hash";

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, ReadBound? bound = null, CancellationToken ct = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        return await ReadStreamAsync(connection, streamId, bound, ct);
    }

    /// <summary>The same, through <paramref name="connection"/>: inside a decide step, where the batch's own writes are visible.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(NpgsqlConnection connection, string streamId, ReadBound? bound = null, CancellationToken ct = default)
    {
        bound ??= ReadBound.All;
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM traceability.events
            WHERE stream_id = $1 AND ($2::bigint IS NULL OR version <= $2)
              AND ($3::bigint IS NULL OR seq_id <= $3) AND ($4::timestamptz IS NULL OR "timestamp" <= $4)
            ORDER BY version
            """, connection);
        command.Parameters.Add(new() { Value = streamId });
        command.Parameters.Add(new() { Value = (object?)bound.MaxVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = (object?)bound.MaxSeqId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = (object?)bound.AsOf?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return await ReadEvents(command, ct);
    }

    /// <summary>The global log after <paramref name="afterSeqId"/>, in seq_id order, at most <paramref name="limit"/> events.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterSeqId, int limit, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand(
            $"SELECT {Columns} FROM traceability.events WHERE seq_id > $1 ORDER BY seq_id LIMIT $2");
        command.Parameters.Add(new() { Value = afterSeqId });
        command.Parameters.Add(new() { Value = limit });
        return await ReadEvents(command, ct);
    }

    /// <summary>The stream's current version; 0 when it does not exist.</summary>
    public async Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand("SELECT version FROM traceability.streams WHERE id = $1");
        command.Parameters.Add(new() { Value = streamId });
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    /// <summary>The last seq_id and hash: the head an export or a checkpoint refers to.</summary>
    public async Task<(long SeqId, byte[]? Hash)> HeadAsync(CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand("SELECT seq_id, hash FROM traceability.events ORDER BY seq_id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), (byte[])reader[1]) : (0, null);
    }

    /// <summary>The last seq_id committed at or before <paramref name="moment"/>.</summary>
    public async Task<long> SeqIdAtAsync(DateTimeOffset moment, CancellationToken ct = default)
    {
        // Timestamps rise with seq_id (taken under the append lock): one probe of the timestamp index.
        await using var command = DataSource.CreateCommand(
            "SELECT seq_id FROM traceability.events WHERE \"timestamp\" <= $1 ORDER BY \"timestamp\" DESC, seq_id DESC LIMIT 1");
        command.Parameters.Add(new() { Value = moment.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(ct) is long seq ? seq : 0;
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadEvents(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct)) events.Add(ReadEvent(reader));
        return events;
    }

    internal RecordedEvent ReadEvent(NpgsqlDataReader reader)
    {
        var type = reader.GetString(4);
        return new RecordedEvent(
            reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), type,
            Serializer.Deserialize(type, reader.GetString(5)),
            EventSerializer.DeserializeMetadata(reader.GetString(6)),
            new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero),
            reader.IsDBNull(8) ? null : (byte[])reader[8],
            (byte[])reader[9]);
    }
}
