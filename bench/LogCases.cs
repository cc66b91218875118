using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Bench;

/// <summary>
/// Ours: the service's event log exactly as it runs (MartenConfiguration: inline projections, every append
/// signed by the service key in the session listener) with the chain sealer running beside the writers, and
/// driven the way the API drives it: a transaction, the stream's advisory lock, a decide step, the append.
/// </summary>
public sealed class LogCases : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly BenchOptions _options;
    private readonly ServiceKey _key = ServiceKey.Generate();
    private readonly DocumentStore _store;
    private readonly ChainSealer _sealer;
    private ChainSealingService? _sealing;
    private readonly EventLog _log;
    private long _appended;
    private int _bulkRounds;
    private int _singleRounds;

    public LogCases(NpgsqlDataSource dataSource, BenchOptions options)
    {
        (_dataSource, _options) = (dataSource, options);
        _store = DocumentStore.For(o =>
        {
            MartenConfiguration.Configure(o, dataSource, _key);
            o.Events.MapEventType<BenchNoted>(BenchEvents.Alias);
        });
        _sealer = new ChainSealer(dataSource);
        _log = new EventLog(_store, dataSource, _sealer, _key);
    }

    public const string Name = "ours: Marten Quick + chain + per-append signature";

    /// <summary>Every event this run appended, warm-ups included, to check against the table at the end.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>The sealer runs as it does in the service: <see cref="ChainSealingService"/> polling, off the write path.</summary>
    public Task StartSealingAsync()
    {
        _sealing = new ChainSealingService(_sealer, NullLogger<ChainSealingService>.Instance);
        return _sealing.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops the sealing service, for the diagnostic cases that measure the appends while no sealer shares the machine with them.</summary>
    public async Task StopSealingAsync()
    {
        if (_sealing is null) return;
        await _sealing.StopAsync(CancellationToken.None);
        _sealing.Dispose();
        _sealing = null;
    }

    /// <summary>Each writer owns a stream and always expects the right version, as a client that read its ETag would.</summary>
    public Task<Measurement> SingleAppendsAsync(int writers)
    {
        var round = Interlocked.Increment(ref _singleRounds);
        return Workload.RunAsync(Name, writers, _options, writer =>
        {
            var stream = $"bench-single-{writers}-{round}/{writer}";
            var version = 0L;
            return async ct =>
            {
                await _log.AppendAsync([LogLock.Sole(stream)],
                    (_, _) => Task.FromResult<IReadOnlyList<StreamAppend>>([new StreamAppend(stream, version, [BenchEvents.Event((int)version)])]),
                    BenchEvents.Metadata, ct);
                version++;
                Interlocked.Increment(ref _appended);
            };
        });
    }

    /// <summary>Diagnostic: the same appends without the stream lock and decide step (what a write without a cross-stream rule would cost).</summary>
    public Task<Measurement> SingleAppendsWithoutLockAsync(int writers)
    {
        var round = Interlocked.Increment(ref _singleRounds);
        return Workload.RunAsync("(diagnostic) ours without the lock and decide step", writers, _options, writer =>
        {
            var stream = $"bench-nolock-{writers}-{round}/{writer}";
            var version = 0L;
            return async ct =>
            {
                await _log.AppendAsync(new StreamAppend(stream, version, [BenchEvents.Event((int)version)]), BenchEvents.Metadata, ct);
                version++;
                Interlocked.Increment(ref _appended);
            };
        });
    }

    /// <summary>Ten new streams of 1,000 events each in one append (one transaction, one signature), like a derive.</summary>
    public Task<List<TimeSpan>> BulkAsync()
    {
        var round = Interlocked.Increment(ref _bulkRounds);
        return Workload.RepeatAsync(_options.BulkRepeats, async run =>
        {
            var perStream = _options.BulkSize / 10;
            var appends = Enumerable.Range(0, 10).Select(s => StreamAppend.Start(
                $"bench-bulk-{round}-{run}/{s}", Enumerable.Range(1, perStream).Select(i => (object)BenchEvents.Event(i)).ToArray())).ToList();
            await _log.AppendAsync(appends, BenchEvents.Metadata);
            Interlocked.Add(ref _appended, _options.BulkSize);
        });
    }

    /// <summary>How long the sealer needs to catch up once the writers stop: the lag an export or a verify would wait.</summary>
    public async Task<(TimeSpan CatchUp, ChainHead Head)> SealAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var head = await _sealer.SealAsync();
        return (watch.Elapsed, head);
    }

    /// <summary>The chain's last position now, without sealing.</summary>
    public async Task<long> SealedAsync() => (await ChainReads.HeadAsync(_dataSource, CancellationToken.None)).Position;

    public Task<LogVerification> VerifyAsync() => new LogVerifier(_dataSource, _sealer, new TrustedKeys(_key, [])).VerifyAsync();

    public async Task<long> CountStoredAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM traceability.mt_events");
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    public async ValueTask DisposeAsync()
    {
        await StopSealingAsync();
        _store.Dispose();
        _key.Dispose();
    }
}
