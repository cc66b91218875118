using Npgsql;
using NpgsqlTypes;

namespace Traceability.Projections.Trust;

/// <summary>The chain's head: its last position and link (position 0 with the genesis link when empty).</summary>
public sealed record ChainHead(long Position, byte[] Link, DateTimeOffset? ChainedAt);

/// <summary>
/// Seals committed events into traceability.event_chain, off the write path: a trigger on mt_events
/// queues each new event in chain_pending inside its own transaction, and a pass here gives everything
/// committed so far the next gapless positions and links, under one advisory lock so passes never
/// interleave. Events of one append (batch) get consecutive positions: a pass grows to hold an append larger than
/// its usual size whole. Any process may seal; the service runs <see cref="ChainSealingService"/> and reads that
/// need the newest positions seal first.
/// </summary>
public sealed class ChainSealer(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x7472_6163_6500_0010;
    private const int PassSize = 500;

    /// <summary>
    /// How far a pass grows to take an append whole: an append's events get consecutive positions and its last
    /// position as their batch_end, and a read "as of" one of them extends to that end. Only an append beyond this
    /// size would be cut; the service's largest, a derive carrying a baseline's decisions, holds thousands.
    /// </summary>
    private const int MaxPassSize = 100_000;

    /// <summary>Seals everything committed before the call, waiting for a pass another process runs; returns the head.</summary>
    public async Task<ChainHead> SealAsync(CancellationToken ct = default)
    {
        while (true)
        {
            var (sealedNow, head) = await PassAsync(wait: true, ct);
            if (sealedNow < PassSize) return head!;
        }
    }

    /// <summary>Whether any committed event waits for a position: one cheap query, what the sealing service polls.</summary>
    public async Task<bool> PendingAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM traceability.chain_pending)");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>One pass unless another process is sealing right now; returns how many events it sealed.</summary>
    public async Task<int> TrySealAsync(CancellationToken ct = default) => (await PassAsync(wait: false, ct)).Sealed;

    private async Task<(int Sealed, ChainHead? Head)> PassAsync(bool wait, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await LockAsync(connection, wait, ct)) return (0, null);
        var head = await ChainReads.HeadAsync(connection, ct);
        var pending = await ReadPendingAsync(connection, ct);
        if (pending.Count == 0) return (0, head);
        var now = await ClockAsync(connection, head, ct);
        var rows = ChainPass.Link(head, now, pending.Select(p => p.Event).OfType<StoredEvent>().ToList());
        await WriteAsync(connection, rows, pending.Select(p => p.Sequence).ToArray(), ct);
        await transaction.CommitAsync(ct);
        return (pending.Count, rows.Count == 0 ? head : new ChainHead(rows[^1].Position, rows[^1].Link, now));
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, bool wait, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            wait ? $"SELECT pg_advisory_xact_lock({LockKey}), true" : $"SELECT 1, pg_try_advisory_xact_lock({LockKey})", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetBoolean(1);
    }

    /// <summary>
    /// Pending rows whose event does not exist (only a hand-made INSERT leaves those) are dropped. Each event is looked up
    /// by its seq id on its own (the LIMIT keeps the planner from flattening the lookup into a join): as a join, the planner
    /// chose a merge join that walked mt_events' primary key from the start on every pass, about 100 buffers per event
    /// sealed under load, which cost the writers beside the sealer a quarter of their rate (bench/README, issue 10).
    /// </summary>
    private static async Task<List<(long Sequence, StoredEvent? Event)>> ReadPendingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var pending = new List<(long Sequence, StoredEvent? Event)>();
        while (true)
        {
            var read = await ReadPendingAfterAsync(connection, pending.Count == 0 ? long.MinValue : pending[^1].Sequence, ct);
            pending.AddRange(read);
            // An append commits whole, so the rest of one cut here is pending too: read on until every append is whole.
            if (read.Count < PassSize || pending.Count >= MaxPassSize || EveryAppendWhole(pending)) return pending;
        }
    }

    private static bool EveryAppendWhole(List<(long Sequence, StoredEvent? Event)> pending) =>
        pending.Select(p => AuthHeader.Read(p.Event?.HeadersNode)).OfType<AuthHeader>()
            .GroupBy(a => a.Batch).All(g => g.Count() >= g.First().Count);

    private static async Task<List<(long Sequence, StoredEvent? Event)>> ReadPendingAfterAsync(NpgsqlConnection connection, long after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT p.seq_id, e.seq_id IS NOT NULL, {StoredEvent.Columns}
            FROM (SELECT seq_id FROM traceability.chain_pending WHERE seq_id > $1 ORDER BY seq_id LIMIT {PassSize}) p
            LEFT JOIN LATERAL (SELECT * FROM traceability.mt_events e WHERE e.seq_id = p.seq_id LIMIT 1) e ON true
            ORDER BY p.seq_id
            """, connection);
        command.Parameters.Add(new() { Value = after });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var pending = new List<(long, StoredEvent?)>();
        while (await reader.ReadAsync(ct)) pending.Add((reader.GetInt64(0), reader.GetBoolean(1) ? StoredEvent.Read(reader, 2) : null));
        return pending;
    }

    /// <summary>chained_at never goes backwards, whatever the clocks of the processes that seal do.</summary>
    private static async Task<DateTimeOffset> ClockAsync(NpgsqlConnection connection, ChainHead head, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        var now = new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(ct))!, TimeSpan.Zero);
        return head.ChainedAt is { } last && last > now ? last : now;
    }

    private static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<ChainRow> rows, long[] done, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (rows.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO traceability.event_chain (position, seq_id, event_id, digest, link, chained_at, batch_end)
                SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::uuid[], $4::bytea[], $5::bytea[], $6::timestamptz[], $7::bigint[])
                """)
            {
                Parameters =
                {
                    new() { Value = rows.Select(r => r.Position).ToArray() }, new() { Value = rows.Select(r => r.Sequence).ToArray() },
                    new() { Value = rows.Select(r => r.EventId).ToArray() }, new() { Value = rows.Select(r => r.Digest).ToArray() },
                    new() { Value = rows.Select(r => r.Link).ToArray() },
                    new() { Value = rows.Select(r => r.ChainedAt).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                    new() { Value = rows.Select(r => r.BatchEnd).ToArray() },
                },
            });
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM traceability.chain_pending WHERE seq_id = ANY($1)") { Parameters = { new() { Value = done } } });
        await batch.ExecuteNonQueryAsync(ct);
    }
}
