using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>The event store under test, driven the way the API drives it: one append per command.</summary>
public sealed class StoreCases(NpgsqlDataSource dataSource, BenchOptions options) : IAsyncDisposable
{
    private readonly EventStore _store = new(dataSource, new EventSerializer(BenchEvents.Registry), []);
    private long _appended;

    /// <summary>Every event this run appended, warm-ups included, to check against the table at the end.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>
    /// Each writer owns a stream and always sends the right expected version, as a client that
    /// read its ETag would: the bench measures appends, not conflicts.
    /// </summary>
    public Task<Measurement> SingleAppendsAsync(int writers) =>
        Workload.RunAsync("event store, single-event appends", writers, options, writer =>
        {
            var stream = $"bench-single-{writers}/{writer}";
            var version = 0L;
            return async ct =>
            {
                await _store.AppendAsync(new StreamAppend(stream, "bench", version, [BenchEvents.Event((int)version)]), BenchEvents.Metadata, ct);
                version++;
                Interlocked.Increment(ref _appended);
            };
        });

    /// <summary>Ten new streams of 1,000 events each, in one AppendAsync (one transaction), like an import.</summary>
    public async Task<List<TimeSpan>> BulkAsync()
    {
        const int Streams = 10;
        var perStream = options.BulkSize / Streams;
        return await Workload.RepeatAsync(options.BulkRepeats, async run =>
        {
            var appends = Enumerable.Range(0, Streams).Select(s => StreamAppend.Start(
                $"bench-bulk-{run}/{s}", "bench", Enumerable.Range(1, perStream).Select(i => (object)BenchEvents.Event(i)).ToArray())).ToList();
            await _store.AppendAsync(appends, BenchEvents.Metadata);
            Interlocked.Add(ref _appended, options.BulkSize);
        });
    }

    public async Task<long> CountStoredAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM traceability.events");
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
