using Npgsql;
using NpgsqlTypes;

namespace Traceability.Projections.Trust;

/// <summary>The chain's head: its last position and link (position 0 with the genesis link when empty).</summary>
public sealed record ChainHead(long Position, byte[] Link, DateTimeOffset? ChainedAt);

/// <summary>
/// Seals committed events into traceability.event_chain, off the write path: a pass gives every committed event
/// that is not chained yet the next gapless positions and links, under one advisory lock so passes never
/// interleave. It finds them by sequence number above a watermark (<see cref="SealingFence"/>), not through a queue
/// the writers fill, so an append pays nothing for the chain. Events of one append (batch) get consecutive
/// positions: a pass grows to hold an append larger than its usual size whole. Any process may seal; the service
/// runs <see cref="ChainSealingService"/> and reads that need the newest positions seal first.
/// </summary>
public sealed class ChainSealer(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x7472_6163_6500_0010;
    public const int PassSize = 500;

    /// <summary>
    /// How far a pass grows to take an append whole: an append's events get consecutive positions and its last
    /// position as their batch_end, and a read "as of" one of them extends to that end. Only an append beyond this
    /// size would be cut; the service's largest, a derive carrying a baseline's decisions, holds thousands.
    /// </summary>
    private const int MaxPassSize = 100_000;

    private readonly SealingFence _fence = new();

    /// <summary>Seals everything committed before the call, waiting for a pass another process runs; returns the head.</summary>
    public async Task<ChainHead> SealAsync(CancellationToken ct = default)
    {
        while (true)
        {
            var (sealedNow, head) = await PassAsync(wait: true, Unsealed.AboveWatermark, ct);
            if (sealedNow < PassSize) return head!;
        }
    }

    /// <summary>
    /// Also seals Marten's gap fillers that committed below the watermark. Marten writes them after a failed append,
    /// in the background and with the failed append's sequence numbers, so one can land after the watermark passed
    /// its number. They carry nothing and no read folds them, so only the checks that every event is chained (verify,
    /// and the start after an upgrade) seal them first; that may read the whole log, as verify does anyway.
    /// </summary>
    public async Task<ChainHead> SealLateGapFillersAsync(CancellationToken ct = default)
    {
        await SealAsync(ct);
        while (true)
        {
            var (sealedNow, head) = await PassAsync(wait: true, Unsealed.LateGapFillers, ct);
            if (sealedNow < PassSize) return head!;
        }
    }

    /// <summary>
    /// Whether a pass could seal or move the watermark: a sequence number was handed out above the watermark.
    /// One row of the sequence and one of the watermark, whatever the log holds; what the sealing service polls.
    /// </summary>
    public async Task<bool> PendingAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {SealingFence.LastHandedOut} > (SELECT seq_id FROM traceability.chain_watermark) FROM traceability.mt_events_sequence");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// When this process's last pass found the watermark waiting on transactions that took sequence numbers and have
    /// not ended: how long, and their backends' pids. Sealing goes on meanwhile; each pass rereads more.
    /// </summary>
    public WatermarkHeldBack? HeldBack => _fence.Waiting;

    /// <summary>One pass unless another process is sealing right now; returns how many events it sealed.</summary>
    public async Task<int> TrySealAsync(CancellationToken ct = default) => (await PassAsync(wait: false, Unsealed.AboveWatermark, ct)).Sealed;

    private enum Unsealed { AboveWatermark, LateGapFillers }

    private async Task<(int Sealed, ChainHead? Head)> PassAsync(bool wait, Unsealed which, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var lockStatement = wait ? $"SELECT pg_advisory_xact_lock({LockKey}) IS NOT NULL" : $"SELECT pg_try_advisory_xact_lock({LockKey})";
        if (await _fence.ReadAsync(connection, lockStatement, ct) is not { } read) return (0, null);
        var (fence, head) = read;
        var (events, exhausted, clock) = await ReadUnsealedAsync(connection, which, fence.Watermark, ct);
        await using var batch = new NpgsqlBatch(connection);
        if (events.Count > 0)
        {
            // chained_at never goes backwards, whatever the clocks of the processes that seal do.
            var now = head.ChainedAt is { } last && last > clock ? last : clock;
            var rows = ChainPass.Link(head, now, events);
            batch.BatchCommands.Add(Insert(rows));
            head = new ChainHead(rows[^1].Position, rows[^1].Link, now);
        }
        if (which == Unsealed.AboveWatermark && fence.MoveTo(events, exhausted) is { } to) batch.BatchCommands.Add(SealingFence.Move(to));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        _fence.Keep(fence);
        return (events.Count, head);
    }

    /// <summary>
    /// The next unchained events, whether they are all there were (the pass may stop early to keep appends whole but
    /// small), and the database's clock read after them: their sealing time.
    /// </summary>
    private static async Task<(List<StoredEvent> Events, bool Exhausted, DateTimeOffset Clock)> ReadUnsealedAsync(
        NpgsqlConnection connection, Unsealed which, long watermark, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        var start = which == Unsealed.AboveWatermark ? watermark : long.MinValue;
        while (true)
        {
            var (read, clock) = await ReadUnsealedAfterAsync(connection, which, events.Count == 0 ? start : events[^1].Sequence, watermark, ct);
            events.AddRange(read);
            // An append commits whole, so the rest of one cut here has committed too: read on until every append is whole.
            if (read.Count < PassSize) return (events, true, clock);
            if (events.Count >= MaxPassSize || EveryAppendWhole(events)) return (events, false, clock);
        }
    }

    private static bool EveryAppendWhole(List<StoredEvent> events) =>
        events.Select(e => AuthHeader.Read(e.HeadersNode)).OfType<AuthHeader>()
            .GroupBy(a => a.Batch).All(g => g.Count() >= g.First().Count);

    /// <summary>
    /// The next committed events not chained yet, by sequence number: above the watermark, or Marten's gap fillers at
    /// or below it (<see cref="ChainReads.ChainedLookup"/>).
    /// </summary>
    private static async Task<(List<StoredEvent> Events, DateTimeOffset Clock)> ReadUnsealedAfterAsync(
        NpgsqlConnection connection, Unsealed which, long after, long watermark, CancellationToken ct)
    {
        var where = which == Unsealed.AboveWatermark
            ? "e.seq_id > $1"
            : $"e.stream_id = '{GapFiller.Stream}' AND e.type = '{GapFiller.Type}' AND e.seq_id > $1 AND e.seq_id <= $2";
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    SELECT {StoredEvent.Columns}
                    FROM traceability.mt_events e {ChainReads.ChainedLookup}
                    WHERE {where} AND c.chained IS NULL
                    ORDER BY e.seq_id LIMIT {PassSize}
                    """) { Parameters = { new() { Value = after }, new() { Value = watermark } } },
                new NpgsqlBatchCommand("SELECT clock_timestamp()"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct)) events.Add(StoredEvent.Read(reader));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (events, reader.GetFieldValue<DateTimeOffset>(0));
    }

    private static NpgsqlBatchCommand Insert(IReadOnlyList<ChainRow> rows) => new("""
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
    };
}
