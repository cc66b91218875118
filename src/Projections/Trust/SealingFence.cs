using Npgsql;

namespace Traceability.Projections.Trust;

/// <summary>A fence that has not cleared: how long the sealer's watermark has waited, and for which backends' transactions.</summary>
public sealed record WatermarkHeldBack(TimeSpan For, int[] Backends);

/// <summary>
/// The sealer's watermark: a sequence number at or below which no event can still commit unseen, so a pass need only
/// look above it. An event's sequence number comes from nextval on mt_events_sequence, which holds a lock on the
/// sequence until the transaction ends (RowExclusiveLock; pg_locks shows it, fast-path locks included; reading the
/// sequence, as this sealer and Marten's daemon do, takes AccessShareLock, which is not waited on). A fence is the last number
/// handed out and the transactions holding that lock, read in that order: every transaction that can still commit a
/// number at or below it is among them. Once none of them holds the lock any more, a pass that has read every
/// unchained event up to the fence moves the watermark there, and a new fence is taken. Nothing waits: a pass checks
/// the fence it took last time, so the watermark trails the writers by about one pass, and a pass seals whatever has
/// committed above it, in whatever order the commits came. A transaction left open after nextval holds the watermark
/// back and makes passes read further, nothing worse. The sequence must hand out numbers one at a time (CACHE 1,
/// Marten's default; a test holds it to that).
/// </summary>
internal sealed class SealingFence
{
    /// <summary>The last number nextval handed out (before the first, one below the sequence's start).</summary>
    public const string LastHandedOut = "CASE WHEN is_called THEN last_value ELSE last_value - 1 END";

    private const string Holders = """
        FROM pg_locks WHERE locktype = 'relation' AND relation = 'traceability.mt_events_sequence'::regclass AND mode = 'RowExclusiveLock'
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    /// <summary>A fence: the last number handed out, the transactions holding the sequence then, their backends, and when it was read.</summary>
    public sealed record Fence(long Sequence, string[] Transactions, int[] Backends, long TakenAtMs);


    /// <summary>The watermark a pass starts from, the last fence if it has cleared, and the fence to keep after the pass.</summary>
    public sealed record Reading(long Watermark, Fence? Cleared, Fence Next)
    {
        /// <summary>Where the watermark may move once the pass has read <paramref name="events"/> above it (all there were when <paramref name="exhausted"/>).</summary>
        public long? MoveTo(IReadOnlyList<StoredEvent> events, bool exhausted)
        {
            if (Cleared is null) return null;
            var to = exhausted || events.Count == 0 ? Cleared.Sequence : Math.Min(Cleared.Sequence, events[^1].Sequence);
            return to > Watermark ? to : null;
        }
    }

    private static readonly Fence None = new(long.MinValue, [], [], 0);

    private Fence _last = None;
    private bool _waiting;

    /// <summary>Whether the last committed pass found its fence still held, and by whom; null when it had cleared.</summary>
    public WatermarkHeldBack? Waiting
    {
        get
        {
            var last = Volatile.Read(ref _last);
            return Volatile.Read(ref _waiting) ? new WatermarkHeldBack(TimeSpan.FromMilliseconds(Environment.TickCount64 - last.TakenAtMs), last.Backends) : null;
        }
    }

    /// <summary>
    /// In the pass's transaction, one round trip: the sealer's lock (<paramref name="lockStatement"/>, first, so what
    /// follows is read under it when it is held), the chain's head, the watermark, whether the last fence has cleared,
    /// and a new fence. Null when the lock was not to be had (the rest of what was read is then ignored).
    /// </summary>
    public async Task<(Reading Fence, ChainHead Head)?> ReadAsync(NpgsqlConnection connection, string lockStatement, CancellationToken ct)
    {
        var last = Volatile.Read(ref _last);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(lockStatement),
                new NpgsqlBatchCommand(ChainReads.HeadSql),
                new NpgsqlBatchCommand(ChainReads.GenesisSql),
                new NpgsqlBatchCommand($"""
                    SELECT NOT EXISTS (SELECT 1 {Holders} AND virtualtransaction = ANY($1)), (SELECT seq_id FROM traceability.chain_watermark)
                    """) { Parameters = { new() { Value = last.Transactions } } },
                // In this order: a transaction that took a number at or below the first value holds the lock at the second.
                new NpgsqlBatchCommand($"SELECT {LastHandedOut} FROM traceability.mt_events_sequence"),
                new NpgsqlBatchCommand($"SELECT coalesce(array_agg(virtualtransaction), '{{}}'), coalesce(array_agg(pid), '{{}}') {Holders}"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.GetBoolean(0)) return null;
        await reader.NextResultAsync(ct);
        ChainHead? head = await reader.ReadAsync(ct)
            ? new ChainHead(reader.GetInt64(0), (byte[])reader[1], reader.GetFieldValue<DateTimeOffset>(2))
            : null;
        await reader.NextResultAsync(ct);
        head ??= new ChainHead(0, await reader.ReadAsync(ct) ? (byte[])reader[0] : [], null);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var (cleared, watermark) = (reader.GetBoolean(0), reader.GetInt64(1));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var sequence = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var next = new Fence(sequence, reader.GetFieldValue<string[]>(0), reader.GetFieldValue<int[]>(1), Environment.TickCount64);
        return (cleared ? new Reading(watermark, last, next) : new Reading(watermark, null, last), head);
    }

    /// <summary>The statement that moves the watermark up (never down, whatever another process's sealer did meanwhile).</summary>
    public static NpgsqlBatchCommand Move(long to) =>
        new("UPDATE traceability.chain_watermark SET seq_id = $1 WHERE seq_id < $1") { Parameters = { new() { Value = to } } };

    /// <summary>Keeps the fence a committed pass read; a pass that failed leaves the one before, which is still sound.</summary>
    public void Keep(Reading reading)
    {
        Volatile.Write(ref _last, reading.Next);
        Volatile.Write(ref _waiting, reading.Cleared is null);
    }
}
