using Npgsql;
using NpgsqlTypes;

namespace Traceability.Projections.Events;

internal sealed record AppendOutcome(AppendResult? Result, StreamVersionConflict? Conflict, Exception? Refusal = null);

public sealed partial class EventStore
{
    private sealed record Head(Dictionary<string, long> Versions, long LastSeqId, byte[]? LastHash, DateTime Now);

    /// <summary>
    /// Writes several appends in the caller's transaction, taking the append lock first (re-entrant, so a
    /// caller that already holds it may call this too). Versions are
    /// checked here, under the lock and before any seq_id is taken; an append whose check fails gets its
    /// conflict and writes nothing, the others go on (later appends see earlier ones of the same batch).
    /// </summary>
    internal async Task<IReadOnlyList<AppendOutcome>> WriteAsync(NpgsqlConnection connection, IReadOnlyList<PreparedAppend> appends, CancellationToken ct)
    {
        var head = await ReadHead(connection, appends.SelectMany(a => a.Streams).Select(s => s.StreamId).Distinct().ToArray(), ct);
        var rows = new List<(RecordedEvent Event, string Text, string Metadata)>();
        var streams = new Dictionary<string, (string Type, long Version)>(StringComparer.Ordinal);
        var outcomes = new List<AppendOutcome>(appends.Count);
        var (seq, prev) = (head.LastSeqId, head.LastHash);
        var timestamp = new DateTimeOffset(head.Now, TimeSpan.Zero);
        foreach (var append in appends)
        {
            var conflict = FindConflict(append, head.Versions);
            if (conflict is not null)
            {
                outcomes.Add(new AppendOutcome(null, conflict));
                continue;
            }
            var first = seq + 1;
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var stream in append.Streams)
            {
                var version = head.Versions.GetValueOrDefault(stream.StreamId, 0);
                foreach (var e in stream.Events)
                {
                    var hash = HashChain.Compute(prev, stream.StreamId, ++version, e.Alias, e.Canonical, append.MetadataBytes, timestamp);
                    rows.Add((new RecordedEvent(++seq, Guid.CreateVersion7(), stream.StreamId, version, e.Alias, e.Data, append.Metadata, timestamp, prev, hash), e.Text, append.MetadataText));
                    prev = hash;
                }
                head.Versions[stream.StreamId] = versions[stream.StreamId] = version;
                streams[stream.StreamId] = (stream.StreamType, version);
            }
            outcomes.Add(new AppendOutcome(new AppendResult(first, seq, versions), null));
        }
        if (rows.Count == 0) return outcomes;
        await Insert(connection, rows, streams, ct);
        var recorded = rows.Select(r => r.Event).ToList();
        foreach (var projection in _inline) await projection.ApplyAsync(connection, recorded, ct);
        return outcomes;
    }

    private static StreamVersionConflict? FindConflict(PreparedAppend append, Dictionary<string, long> versions)
    {
        foreach (var stream in append.Streams)
        {
            var current = versions.GetValueOrDefault(stream.StreamId, 0);
            if (stream.ExpectedVersion != ExpectedVersion.Any && stream.ExpectedVersion != current)
                return new StreamVersionConflict(stream.StreamId, stream.ExpectedVersion, current);
        }
        return null;
    }

    private static async Task<Head> ReadHead(NpgsqlConnection connection, string[] streamIds, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // The lock rides in the same round trip: the reads below wait for it on the server.
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})"),
                new NpgsqlBatchCommand("SELECT id, version FROM traceability.streams WHERE id = ANY($1)") { Parameters = { new() { Value = streamIds } } },
                new NpgsqlBatchCommand("SELECT seq_id, hash FROM traceability.events ORDER BY seq_id DESC LIMIT 1"),
                new NpgsqlBatchCommand("SELECT clock_timestamp()"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
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

    /// <summary>
    /// One round trip: streams, events and the NOTIFY. Metadata is sent once per append, not once per
    /// event; the scalar subquery makes PostgreSQL parse it once per statement even under a generic plan.
    /// </summary>
    private static async Task Insert(NpgsqlConnection connection, List<(RecordedEvent Event, string Text, string Metadata)> rows,
        Dictionary<string, (string Type, long Version)> streams, CancellationToken ct)
    {
        var timestamp = rows[0].Event.Timestamp.UtcDateTime;
        var metadata = MetadataTable(rows);
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
                        new() { Value = streams.Keys.ToArray() },
                        new() { Value = streams.Values.Select(s => s.Type).ToArray() },
                        new() { Value = streams.Values.Select(s => s.Version).ToArray() },
                        new() { Value = timestamp, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    },
                },
                new NpgsqlBatchCommand("""
                    INSERT INTO traceability.events (seq_id, id, stream_id, version, type, data, metadata, "timestamp", prev_hash, hash)
                    SELECT e.seq_id, e.id, e.stream_id, e.version, e.type, e.data::jsonb, (SELECT $7::jsonb[])[e.metadata], $8, NULLIF(e.prev_hash, ''::bytea), e.hash
                    FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[], $11::int[], $9::bytea[], $10::bytea[])
                         AS e(seq_id, id, stream_id, version, type, data, metadata, prev_hash, hash)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = rows.Select(r => r.Event.SeqId).ToArray() },
                        new() { Value = rows.Select(r => r.Event.Id).ToArray() },
                        new() { Value = rows.Select(r => r.Event.StreamId).ToArray() },
                        new() { Value = rows.Select(r => r.Event.Version).ToArray() },
                        new() { Value = rows.Select(r => r.Event.Type).ToArray() },
                        new() { Value = rows.Select(r => r.Text).ToArray() },
                        new() { Value = metadata.Texts.ToArray() },
                        new() { Value = timestamp, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = rows.Select(r => r.Event.PrevHash ?? []).ToArray() },
                        new() { Value = rows.Select(r => r.Event.Hash).ToArray() },
                        new() { Value = metadata.Index },
                    },
                },
                new NpgsqlBatchCommand($"SELECT pg_notify('{NotifyChannel}', $1)")
                {
                    Parameters = { new() { Value = rows[^1].Event.SeqId.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Distinct metadata texts and, per row, its 1-based position among them.</summary>
    private static (List<string> Texts, int[] Index) MetadataTable(List<(RecordedEvent Event, string Text, string Metadata)> rows)
    {
        var texts = new List<string>();
        var index = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (texts.Count == 0 || !ReferenceEquals(texts[^1], rows[i].Metadata)) texts.Add(rows[i].Metadata);
            index[i] = texts.Count;
        }
        return (texts, index);
    }
}
