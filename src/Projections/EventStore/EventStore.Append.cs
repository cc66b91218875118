using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Traceability.Projections.Events;

public sealed partial class EventStore
{
    private sealed record Head(Dictionary<string, long> Versions, long LastSeqId, byte[]? LastHash, DateTime Now);

    private sealed record Batch(
        List<RecordedEvent> Recorded, List<string> DataTexts, string MetadataText,
        List<(string Id, string Type, long Version)> Streams, Dictionary<string, long> StreamVersions);

    /// <summary>Versions are checked here, under the lock and before any seq_id is taken.</summary>
    private static async Task<Head> ReadHead(NpgsqlConnection connection, string[] streamIds, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT id, version FROM traceability.streams WHERE id = ANY($1)") { Parameters = { new() { Value = streamIds } } },
                new NpgsqlBatchCommand("SELECT seq_id, hash FROM traceability.events ORDER BY seq_id DESC LIMIT 1"),
                new NpgsqlBatchCommand("SELECT clock_timestamp()"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) versions[reader.GetString(0)] = reader.GetInt64(1);
        await reader.NextResultAsync(ct);
        long lastSeq = 0;
        byte[]? lastHash = null;
        if (await reader.ReadAsync(ct)) (lastSeq, lastHash) = (reader.GetInt64(0), (byte[])reader[1]);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return new Head(versions, lastSeq, lastHash, reader.GetDateTime(0));
    }

    private Batch BuildBatch(List<StreamAppend> appends, Head head, EventMetadata metadata)
    {
        var metadataBytes = EventSerializer.SerializeMetadata(metadata);
        var timestamp = new DateTimeOffset(head.Now, TimeSpan.Zero);
        var (seq, prev) = (head.LastSeqId, head.LastHash);
        var recorded = new List<RecordedEvent>();
        var texts = new List<string>();
        var streams = new List<(string, string, long)>();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var append in appends)
        {
            var current = head.Versions.GetValueOrDefault(append.StreamId, 0);
            if (append.ExpectedVersion != ExpectedVersion.Any && append.ExpectedVersion != current)
                throw new StreamVersionConflict(append.StreamId, append.ExpectedVersion, current);
            foreach (var data in append.Events)
            {
                var (alias, canonical) = Serializer.Serialize(data);
                var hash = HashChain.Compute(prev, append.StreamId, ++current, alias, canonical, metadataBytes, timestamp);
                recorded.Add(new RecordedEvent(++seq, Guid.CreateVersion7(), append.StreamId, current, alias, data, metadata, timestamp, prev, hash));
                texts.Add(Encoding.UTF8.GetString(canonical));
                prev = hash;
            }
            streams.Add((append.StreamId, append.StreamType, current));
            versions[append.StreamId] = current;
        }
        return new Batch(recorded, texts, Encoding.UTF8.GetString(metadataBytes), streams, versions);
    }

    private static async Task Insert(NpgsqlConnection connection, Batch batch, CancellationToken ct)
    {
        var events = batch.Recorded;
        var timestamp = events[0].Timestamp.UtcDateTime;
        await using var command = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO traceability.streams (id, type, version, created, "timestamp")
                    SELECT s.id, s.type, s.version, $4, $4 FROM unnest($1::text[], $2::text[], $3::bigint[]) AS s(id, type, version)
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version, "timestamp" = excluded."timestamp"
                    """)
                {
                    Parameters =
                    {
                        new() { Value = batch.Streams.Select(s => s.Id).ToArray() },
                        new() { Value = batch.Streams.Select(s => s.Type).ToArray() },
                        new() { Value = batch.Streams.Select(s => s.Version).ToArray() },
                        new() { Value = timestamp, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    },
                },
                new NpgsqlBatchCommand("""
                    INSERT INTO traceability.events (seq_id, id, stream_id, version, type, data, metadata, "timestamp", prev_hash, hash)
                    SELECT e.seq_id, e.id, e.stream_id, e.version, e.type, e.data::jsonb, $7::jsonb, $8, NULLIF(e.prev_hash, ''::bytea), e.hash
                    FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[], $9::bytea[], $10::bytea[])
                         AS e(seq_id, id, stream_id, version, type, data, prev_hash, hash)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = events.Select(e => e.SeqId).ToArray() },
                        new() { Value = events.Select(e => e.Id).ToArray() },
                        new() { Value = events.Select(e => e.StreamId).ToArray() },
                        new() { Value = events.Select(e => e.Version).ToArray() },
                        new() { Value = events.Select(e => e.Type).ToArray() },
                        new() { Value = batch.DataTexts.ToArray() },
                        new() { Value = batch.MetadataText },
                        new() { Value = timestamp, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = events.Select(e => e.PrevHash ?? []).ToArray() },
                        new() { Value = events.Select(e => e.Hash).ToArray() },
                    },
                },
                new NpgsqlBatchCommand($"SELECT pg_notify('{NotifyChannel}', $1)")
                {
                    Parameters = { new() { Value = events[^1].SeqId.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }
}
