using System.Threading.Channels;
using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>
/// Group commit. Appends queue here; one loop takes everything waiting (up to a cap) and writes it in
/// one transaction under the append lock, so N concurrent appends cost one lock, one set of round trips
/// and one WAL flush instead of N serialised flushes. Decide appends (a callback that reads through the
/// batch's connection and returns what to append) join the same transaction in queue order, so each
/// sees everything queued before it. If the batch fails before its commit (nothing was written), each
/// append is retried alone so one bad append cannot fail its neighbours; if the commit itself fails,
/// its outcome is unknown and every append of the batch gets the error.
/// </summary>
internal sealed partial class AppendBatcher : IAsyncDisposable
{
    private const int MaxEventsPerBatch = 20_000;

    /// <summary>Each decide runs its own reads under the lock: cap them so one batch cannot hold the lock for long.</summary>
    private const int MaxDecidesPerBatch = 64;
    private readonly EventStore _store;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private NpgsqlConnection? _connection;

    public AppendBatcher(EventStore store)
    {
        _store = store;
        _loop = Task.Run(RunAsync);
    }

    public Task<AppendResult> EnqueueAsync(PreparedAppend append, CancellationToken ct) => Enqueue(new Pending(append, null, ct));

    public Task<AppendResult> EnqueueAsync(Decide decide, EventMetadata metadata, CancellationToken ct) =>
        Enqueue(new Pending(null, new DecideStep(decide, metadata), ct));

    private Task<AppendResult> Enqueue(Pending pending)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), _store);
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        if (_connection is not null) await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var (events, decides) = (0, 0);
            while (events < MaxEventsPerBatch && decides < MaxDecidesPerBatch && _queue.Reader.TryRead(out var pending))
            {
                // Cancelled before it was written: it never will be, and the caller learns so.
                if (pending.Cancellation.IsCancellationRequested)
                {
                    pending.Completion.TrySetCanceled(pending.Cancellation);
                    continue;
                }
                batch.Add(pending);
                events += pending.Append?.EventCount ?? 1;
                decides += pending.Decide is null ? 0 : 1;
            }
            if (batch.Count > 0) await WriteIsolatingFailures(batch);
        }
    }

    private async Task WriteIsolatingFailures(List<Pending> batch)
    {
        try
        {
            await WriteBatch(batch);
        }
        catch (CommitOutcomeUnknown unknown)
        {
            foreach (var p in batch) p.Completion.TrySetException(unknown.InnerException!);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var p in batch) await WriteIsolatingFailures([p]);
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    /// <summary>
    /// The loop keeps one connection across batches (no pool round trip, no session reset per batch);
    /// after any failure it is dropped and a fresh one opened for the next batch.
    /// </summary>
    private async Task WriteBatch(List<Pending> batch)
    {
        try
        {
            await WriteBatchOn(_connection ??= await _store.DataSource.OpenConnectionAsync(), batch);
        }
        catch
        {
            if (_connection is not null) await _connection.DisposeAsync();
            _connection = null;
            throw;
        }
    }

    private sealed class Pending(PreparedAppend? append, DecideStep? decide, CancellationToken cancellation)
    {
        public PreparedAppend? Append { get; } = append;
        public DecideStep? Decide { get; } = decide;
        public CancellationToken Cancellation { get; } = cancellation;
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record DecideStep(Decide Run, EventMetadata Metadata);

    private sealed class CommitOutcomeUnknown(Exception inner) : Exception("The commit's outcome is unknown.", inner);
}
