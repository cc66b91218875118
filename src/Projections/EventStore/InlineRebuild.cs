using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>
/// Rebuilds an inline projection: reset and replay the whole log in one transaction that holds the
/// append lock, so no append can interleave and the result is what the live projection would hold.
/// </summary>
public static class InlineRebuild
{
    public static async Task<long> RunAsync(EventStore store, IRebuildableProjection projection, CancellationToken ct = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await EventStore.LockAppends(connection, ct);
        await projection.ResetAsync(connection, ct);
        long last = 0;
        while (true)
        {
            var events = await store.ReadAllAsync(last, 2000, ct);
            if (events.Count == 0) break;
            await projection.ApplyAsync(connection, events, ct);
            last = events[^1].SeqId;
        }
        await transaction.CommitAsync(ct);
        return last;
    }
}
