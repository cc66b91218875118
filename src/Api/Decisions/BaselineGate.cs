using Npgsql;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

/// <summary>
/// "A frozen baseline takes no changes" spans two streams, so it is checked on the append's own
/// connection while the append lock is held: a freeze cannot slip in between check and write.
/// Only the lifecycle events are read; the (large) imported configs are not needed to decide.
/// </summary>
internal static class BaselineGate
{
    private static readonly string[] Lifecycle =
        [EventCatalog.AliasOf(typeof(BaselineCreated)), EventCatalog.AliasOf(typeof(BaselineFrozen))];

    public static async Task EnsureOpenAsync(EventStore store, NpgsqlConnection connection, string id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT type, data::text FROM traceability.events WHERE stream_id = $1 AND type = ANY($2) ORDER BY version", connection);
        command.Parameters.Add(new() { Value = Baseline.StreamId(id) });
        command.Parameters.Add(new() { Value = Lifecycle });
        Baseline? baseline = null;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                baseline = Baseline.Evolve(baseline, store.Serializer.Deserialize(reader.GetString(0), reader.GetString(1)));
            }
        }
        BaselineDecisions.EnsureOpen(baseline ?? throw new ResourceNotFound($"Baseline '{id}'"));
    }

    /// <summary>404 before any other check, for reads and for writes that must name a real baseline.</summary>
    public static async Task EnsureExistsAsync(EventStore store, string id, CancellationToken ct)
    {
        if (await store.StreamVersionAsync(Baseline.StreamId(id), ct) == 0) throw new ResourceNotFound($"Baseline '{id}'");
    }
}
