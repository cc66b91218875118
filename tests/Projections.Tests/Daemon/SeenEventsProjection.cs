using System.Collections.Concurrent;
using Npgsql;
using Traceability.Projections.Daemon;
using Traceability.Projections.Events;

namespace Traceability.Projections.Tests.Daemon;

/// <summary>A test read model: one row per event it was given, plus a per-stream total, and what it saw in memory.</summary>
public sealed class SeenEventsProjection(string table) : IAsyncProjection
{
    public string Name => table;
    public ConcurrentQueue<long> Seen { get; } = new();

    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {table} (seq_id bigint PRIMARY KEY, stream_id text NOT NULL, total bigint NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {table} (seq_id, stream_id, total)
            SELECT s, st, sum(b) OVER (PARTITION BY st ORDER BY s) + coalesce((SELECT max(total) FROM {table} t WHERE t.stream_id = st), 0)
            FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS u(s, st, b)
            """, connection);
        command.Parameters.Add(new() { Value = events.Select(e => e.SeqId).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => e.StreamId).ToArray() });
        command.Parameters.Add(new() { Value = events.Select(e => (long)(e.Data is Counted c ? c.By : 0)).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
        foreach (var e in events) Seen.Enqueue(e.SeqId);
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"DROP TABLE IF EXISTS {table}", connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
