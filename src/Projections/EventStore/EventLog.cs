using Marten;
using Npgsql;
using Traceability.Projections.Keys;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Events;

/// <summary>What an append may ask for, given the transaction's connection, once its locks are held.</summary>
public delegate Task<IReadOnlyList<StreamAppend>> Decide(NpgsqlConnection connection, CancellationToken ct);

/// <summary>
/// The event log: Marten's mt_events, sealed into a chain (event_chain) and signed per append. Reads go
/// straight to the tables (with each event's chain position); writes go through Marten sessions, whose
/// listener signs them and whose inline projections commit with them.
/// </summary>
public sealed partial class EventLog(IDocumentStore store, NpgsqlDataSource dataSource, ChainSealer sealer, ServiceKey key)
{
    public IDocumentStore Store => store;
    public NpgsqlDataSource DataSource => dataSource;
    public ChainSealer Sealer => sealer;

    public Task<AppendResult> AppendAsync(StreamAppend append, EventMetadata metadata, CancellationToken ct = default) =>
        AppendAsync([append], metadata, ct);

    public async Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct = default)
    {
        if (appends.All(a => a.Events.Count == 0)) return AppendResult.Nothing;
        if (metadata.Key is not null) return await AppendAsync([], (_, _) => Task.FromResult(appends), metadata, ct);
        await using var session = store.LightweightSession();
        session.Stamp(metadata);
        if (IsBulk(appends)) await session.BeginTransactionAsync(ct);
        await WriteAsync(session, appends, metadata, ct);
        return Result(appends);
    }

    /// <summary>
    /// Takes <paramref name="locks"/> in a transaction, runs <paramref name="decide"/> (which reads through the
    /// transaction's connection, so nothing it checked can change before the commit) and appends what it returns.
    /// A write made with an API key also holds that key's lock shared and finds the key active: a revocation holds
    /// it alone, so no write of the key commits after its revocation (issue 13 item 8).
    /// </summary>
    public async Task<AppendResult> AppendAsync(IEnumerable<LogLock> locks, Decide decide, EventMetadata metadata, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        session.Stamp(metadata);
        await session.BeginTransactionAsync(ct);
        await ActiveKey.LockAsync(session.Connection, locks, metadata.Key, ct);
        var appends = await decide(session.Connection, ct);
        if (appends.All(a => a.Events.Count == 0)) return AppendResult.Nothing;
        await WriteAsync(session, appends, metadata, ct);
        return Result(appends);
    }

    /// <summary>
    /// Queues an append on a session whose transaction its owner (a Wolverine endpoint) has begun and will commit:
    /// below <see cref="BulkThreshold"/> events on Marten's own path (signed when the session saves), from it on
    /// written at once in bulk inside that transaction (signed as one append with <paramref name="metadata"/>),
    /// so a derive of thousands of decisions commits, or not, with the rest of the unit of work.
    /// </summary>
    public async Task QueueAsync(IDocumentSession session, IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct = default)
    {
        var nonEmpty = Checked(appends);
        if (IsBulk(nonEmpty)) await InsertInBulkAsync(session, nonEmpty, metadata, ct);
        else Queue(session, nonEmpty);
    }

    private static List<StreamAppend> Checked(IReadOnlyList<StreamAppend> appends)
    {
        var duplicate = appends.GroupBy(a => a.StreamId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Stream '{duplicate.Key}' appears twice in one append; merge its events.", nameof(appends));
        return appends.Where(a => a.Events.Count > 0).ToList();
    }

    private async Task WriteAsync(IDocumentSession session, IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct)
    {
        var nonEmpty = Checked(appends);
        if (IsBulk(nonEmpty))
        {
            await AppendInBulkAsync(session, nonEmpty, metadata, ct);
            return;
        }
        Queue(session, nonEmpty);
        await session.SaveChangesAsync(ct);
    }

    private static void Queue(IDocumentSession session, IReadOnlyList<StreamAppend> appends)
    {
        // One unit of work, one moment: every event of it carries the same time, as one transaction should.
        var now = MicrosecondClock.Instance.GetUtcNow();
        foreach (var append in appends.Where(a => a.Events.Count > 0))
        {
            var action = append.ExpectedVersion == 0
                ? session.Events.StartStream(append.StreamId, [.. append.Events])
                : session.Events.Append(append.StreamId, append.ExpectedVersion + append.Events.Count, [.. append.Events]);
            foreach (var e in action.Events) e.Timestamp = now;
        }
    }

    private static AppendResult Result(IReadOnlyList<StreamAppend> appends) =>
        new(appends.Where(a => a.Events.Count > 0).ToDictionary(a => a.StreamId, a => a.ExpectedVersion + a.Events.Count, StringComparer.Ordinal));
}
