using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>
/// The event store (ARCHITECTURE.md). Every append takes one transaction-scoped advisory lock,
/// so commit order equals seq_id order: the async daemon can never skip an event that commits
/// late, and the hash chain has a single, cheap global order.
/// </summary>
public sealed partial class EventStore(NpgsqlDataSource dataSource, EventSerializer serializer, IEnumerable<IInlineProjection> inlineProjections)
{
    public const string NotifyChannel = "traceability_events";
    internal const long AppendLockKey = 0x7472_6163_6500_0002;
    private readonly IReadOnlyList<IInlineProjection> _inline = inlineProjections.ToList();

    public NpgsqlDataSource DataSource { get; } = dataSource;
    public EventSerializer Serializer { get; } = serializer;

    public Task<AppendResult> AppendAsync(StreamAppend append, EventMetadata metadata, CancellationToken ct = default) =>
        AppendAsync([append], metadata, ct);

    public Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct = default) =>
        AppendAsync((_, _) => Task.FromResult(appends), metadata, ct);

    /// <summary>
    /// Runs <paramref name="decide"/> while holding the append lock, then appends what it returns in the
    /// same transaction. Rules that span streams (e.g. "mark every decision linked to this AoU suspect")
    /// read the inline projections inside <paramref name="decide"/> and cannot race another writer.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        Func<NpgsqlConnection, CancellationToken, Task<IReadOnlyList<StreamAppend>>> decide,
        EventMetadata metadata, CancellationToken ct = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await LockAppends(connection, ct);
        var appends = (await decide(connection, ct)).Where(a => a.Events.Count > 0).ToList();
        if (appends.Count == 0) return AppendResult.Nothing;
        EnsureDistinctStreams(appends);

        var head = await ReadHead(connection, appends.Select(a => a.StreamId).ToArray(), ct);
        var batch = BuildBatch(appends, head, metadata);
        await Insert(connection, batch, ct);
        foreach (var projection in _inline) await projection.ApplyAsync(connection, batch.Recorded, ct);
        await transaction.CommitAsync(ct);
        return new AppendResult(batch.Recorded[0].SeqId, batch.Recorded[^1].SeqId, batch.StreamVersions);
    }

    private static async Task LockAppends(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void EnsureDistinctStreams(List<StreamAppend> appends)
    {
        var duplicate = appends.GroupBy(a => a.StreamId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Stream '{duplicate.Key}' appears twice in one append; merge its events.", nameof(appends));
    }
}
