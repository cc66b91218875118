using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>
/// The event store (ARCHITECTURE.md). Every write transaction takes one transaction-scoped advisory
/// lock, so commit order equals seq_id order: the async daemon can never skip an event that commits
/// late, and the hash chain has a single global order. Because that lock is held through the commit's
/// flush, concurrent appends are queued and committed together (group commit, <see cref="AppendBatcher"/>):
/// each keeps its own version check and result, and they share one lock, one round trip set and one fsync.
/// </summary>
public sealed partial class EventStore : IAsyncDisposable
{
    public const string NotifyChannel = "traceability_events";
    internal const long AppendLockKey = 0x7472_6163_6500_0002;
    private readonly IReadOnlyList<IInlineProjection> _inline;
    private readonly AppendBatcher _batcher;

    public EventStore(NpgsqlDataSource dataSource, EventSerializer serializer, IEnumerable<IInlineProjection> inlineProjections)
    {
        (DataSource, Serializer, _inline) = (dataSource, serializer, inlineProjections.ToList());
        _batcher = new AppendBatcher(this);
    }

    public NpgsqlDataSource DataSource { get; }
    public EventSerializer Serializer { get; }

    public Task<AppendResult> AppendAsync(StreamAppend append, EventMetadata metadata, CancellationToken ct = default) =>
        AppendAsync([append], metadata, ct);

    public Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct = default)
    {
        var prepared = PreparedAppend.From(appends, metadata, Serializer);
        return prepared.EventCount == 0 ? Task.FromResult(AppendResult.Nothing) : _batcher.EnqueueAsync(prepared, ct);
    }

    /// <summary>
    /// Runs <paramref name="decide"/> while holding the append lock, then appends what it returns in the
    /// same transaction. Rules that span streams (e.g. "mark every decision linked to this AoU suspect")
    /// read through the connection given to <paramref name="decide"/> and cannot race another writer.
    /// Decides group-commit with other appends: the connection's transaction may already hold appends
    /// queued before this one (they are visible through it, and only through it), so decide must read
    /// only through that connection; it may run more than once, and only the run that commits counts.
    /// </summary>
    public Task<AppendResult> AppendAsync(Decide decide, EventMetadata metadata, CancellationToken ct = default) =>
        _batcher.EnqueueAsync(decide, metadata, ct);

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    internal static async Task LockAppends(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})", connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
