using System.Threading.Channels;
using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>
/// PROTOTYPE, bench only, for the change proposed in bench/README.md: concurrent single appends
/// are queued and written by one loop, many per transaction, through the store's existing
/// multi-stream AppendAsync. The append lock and the fsync are then paid once per batch instead
/// of once per append (group commit in the process). Every append still carries its expected
/// version; a batch that fails is retried one append at a time, so each caller gets its own
/// result or conflict. Limit: all appends share one EventMetadata, which the real change
/// would have to lift (metadata per StreamAppend).
/// </summary>
public sealed class GroupCommitAppender : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly EventStore _store;
    private readonly EventMetadata _metadata;
    private readonly Channel<(StreamAppend Append, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(StreamAppend, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitAppender(EventStore store, EventMetadata metadata)
    {
        (_store, _metadata) = (store, metadata);
        _loop = Task.Run(LoopAsync);
    }

    public Task AppendAsync(StreamAppend append)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((append, done))) throw new InvalidOperationException("The appender is closed.");
        return done.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<(StreamAppend Append, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await _store.AppendAsync(batch.Select(b => b.Append).ToList(), _metadata);
                foreach (var item in batch) item.Done.SetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad append must not fail its neighbours: replay them alone.
                foreach (var item in batch) await AppendAloneAsync(item);
            }
            catch (Exception ex)
            {
                batch[0].Done.SetException(ex);
            }
        }
    }

    private async Task AppendAloneAsync((StreamAppend Append, TaskCompletionSource Done) item)
    {
        try
        {
            await _store.AppendAsync(item.Append, _metadata);
            item.Done.SetResult();
        }
        catch (Exception ex)
        {
            item.Done.SetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
