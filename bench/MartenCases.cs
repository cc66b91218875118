using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>
/// The peer: stock Marten in a schema of its own, configured like ours (string stream keys, Quick appends,
/// every metadata column, the same JSON) but with no projection, no signature and no chain.
/// </summary>
public sealed class MartenCases(NpgsqlDataSource dataSource, BenchOptions options) : IDisposable
{
    public const string Name = "stock Marten Quick append";

    private readonly DocumentStore _store = DocumentStore.For(o =>
    {
        o.Connection(dataSource);
        o.DatabaseSchemaName = "bench_marten";
        o.AutoCreateSchemaObjects = AutoCreate.All;
        o.Events.StreamIdentity = StreamIdentity.AsString;
        o.Events.AppendMode = EventAppendMode.Quick;
        o.Events.MetadataConfig.EnableAll();
        o.Events.EnableUniqueIndexOnEventId = true;
        EventJson.UseFor(o);
        o.Events.MapEventType<BenchNoted>(BenchEvents.Alias);
    });

    public Task CreateSchemaAsync() => _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    private int _rounds;
    private int _bulkRounds;

    public Task<Measurement> SingleAppendsAsync(int writers)
    {
        var round = Interlocked.Increment(ref _rounds);
        return Workload.RunAsync(Name, writers, options, writer =>
        {
            var stream = $"marten-single-{writers}-{round}/{writer}";
            var version = 0L;
            return async ct =>
            {
                await using var session = _store.LightweightSession();
                session.Stamp(BenchEvents.Metadata);
                if (version == 0) session.Events.StartStream(stream, BenchEvents.Event(0));
                else session.Events.Append(stream, version + 1, BenchEvents.Event((int)version));
                await session.SaveChangesAsync(ct);
                version++;
            };
        });
    }

    public Task<List<TimeSpan>> BulkAsync()
    {
        var round = Interlocked.Increment(ref _bulkRounds);
        return Workload.RepeatAsync(options.BulkRepeats, async run =>
        {
            var perStream = options.BulkSize / 10;
            await using var session = _store.LightweightSession();
            session.Stamp(BenchEvents.Metadata);
            for (var s = 0; s < 10; s++)
                session.Events.StartStream($"marten-bulk-{round}-{run}/{s}", Enumerable.Range(1, perStream).Select(i => (object)BenchEvents.Event(i)).ToArray());
            await session.SaveChangesAsync();
        });
    }

    public void Dispose() => _store.Dispose();
}
