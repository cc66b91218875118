using System.Collections.Concurrent;
using Marten;
using Npgsql;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Events;

/// <summary>
/// Shared commits. Appends that arrive while groups are being written wait for the next group, and a group goes into
/// the log as one transaction: its stream claims and its events in one statement, one signature over all its events,
/// the inline projections, one commit and one WAL flush, where each append alone would pay all of that itself.
/// Each append keeps its own expected versions and metadata, and fails alone: a group that fails before its commit is
/// written again one append at a time, so a conflict or a bad event fails only the request that brought it. A commit
/// whose outcome is unknown fails the whole group instead, rather than risk writing an append twice.
/// A caller that holds locks for its decide step keeps them (its own transaction stays open) until its group has
/// committed, so no rule it checked can change before its events are in the log. Appends of this size only: a bulk
/// append (<see cref="EventLog.BulkThreshold"/>) writes in its own transaction as before.
/// </summary>
public sealed partial class GroupCommit(IDocumentStore store, NpgsqlDataSource dataSource, ServiceKey key)
{
    /// <summary>A group stops taking appends once it holds this many events.</summary>
    public const int MaxEvents = 500;

    /// <summary>
    /// How many groups may be in flight at once: while one waits on its commit's WAL flush or its projections' reads,
    /// the next is written. Groups touch the same stream only one after the other (the second waits on the row).
    /// </summary>
    public static int MaxWriters { get; } = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly Lock _taking = new();
    private int _writers;

    /// <summary>
    /// Writes <paramref name="appends"/> (each stream once, at most <see cref="EventLog.BulkThreshold"/> events) in the
    /// next group, stamped <paramref name="timestamp"/>. Cancelling works only while the append still waits for its group:
    /// once a group has taken it, the caller learns the outcome, so nothing it holds is let go before its events commit.
    /// </summary>
    public async Task<AppendResult> CommitAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, DateTimeOffset timestamp, CancellationToken ct)
    {
        var pending = new Pending(appends, metadata, timestamp);
        _queue.Enqueue(pending);
        if (TryAddWriter()) _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        await using (ct.Register(() => pending.TryCancel(ct)))
            return await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Up to <see cref="MaxWriters"/> writers drain the queue, group by group; one that leaves checks nothing slipped in behind it.</summary>
    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            var group = Take();
            if (group.Count > 0)
            {
                await WriteGroupAsync(group).ConfigureAwait(false);
                continue;
            }
            Interlocked.Decrement(ref _writers);
            if (_queue.IsEmpty || !TryAddWriter()) return;
        }
    }

    private bool TryAddWriter()
    {
        while (true)
        {
            var writers = Volatile.Read(ref _writers);
            if (writers >= MaxWriters) return false;
            if (Interlocked.CompareExchange(ref _writers, writers + 1, writers) == writers) return true;
        }
    }

    /// <summary>
    /// The appends at the head of the queue, up to <see cref="MaxEvents"/>; a group touches each stream once, so an append to a
    /// stream already in it waits for the next group and then sees this one's versions, as it would one commit later.
    /// </summary>
    private List<Pending> Take()
    {
        var (group, streams, events) = (new List<Pending>(), new HashSet<string>(StringComparer.Ordinal), 0);
        lock (_taking)
        {
            while (events < MaxEvents && _queue.TryPeek(out var next))
            {
                if (next.IsWaiting && next.Appends.Any(a => streams.Contains(a.StreamId))) break;
                _queue.TryDequeue(out _);
                if (!next.TryTake()) continue;
                group.Add(next);
                streams.UnionWith(next.Appends.Select(a => a.StreamId));
                events += next.Appends.Sum(a => a.Events.Count);
            }
        }
        return group;
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            await WriteAsync(group).ConfigureAwait(false);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var pending in group)
            {
                try
                {
                    await WriteAsync([pending]).ConfigureAwait(false);
                }
                catch (Exception alone)
                {
                    pending.Fail(alone);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in group) pending.Fail(ex);
        }
    }

    /// <summary>An append waiting for its group, taken by one, or cancelled while it waited: exactly one of the two happens.</summary>
    private sealed class Pending(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, DateTimeOffset timestamp)
    {
        private const int Waiting = 0, Taken = 1, Cancelled = 2;
        private int _state;

        public IReadOnlyList<StreamAppend> Appends => appends;

        public EventMetadata Metadata => metadata;

        public DateTimeOffset Timestamp => timestamp;

        public TaskCompletionSource<AppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsWaiting => Volatile.Read(ref _state) == Waiting;

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        public void TryCancel(CancellationToken ct)
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting) Done.TrySetCanceled(ct);
        }

        public void Fail(Exception ex) => Done.TrySetException(ex);

        public void Succeed() =>
            Done.TrySetResult(new(appends.ToDictionary(a => a.StreamId, a => a.ExpectedVersion + a.Events.Count, StringComparer.Ordinal)));
    }
}
