using Npgsql;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

/// <summary>
/// "A frozen baseline takes no changes" spans two streams, so it is checked on the append's own
/// connection while the baseline's lock is held shared: a freeze (which holds it alone) cannot slip in
/// between check and write.
/// Only the lifecycle events are read; the (large) imported configs are not needed to decide.
/// </summary>
internal static class BaselineGate
{
    private static readonly string[] Lifecycle =
        [EventCatalog.AliasOf(typeof(BaselineCreated)), EventCatalog.AliasOf(typeof(BaselineFrozen))];

    public static async Task EnsureOpenAsync(EventLog log, NpgsqlConnection connection, string id, CancellationToken ct)
    {
        Baseline? baseline = null;
        foreach (var e in await log.ReadStreamOfTypesAsync(connection, Baseline.StreamId(id), Lifecycle, ct)) baseline = Baseline.Evolve(baseline, e.Data);
        BaselineDecisions.EnsureOpen(baseline ?? throw new ResourceNotFound($"Baseline '{id}'"));
    }

    /// <summary>404 before any other check, for reads and for writes that must name a real baseline.</summary>
    public static async Task EnsureExistsAsync(EventLog log, string id, CancellationToken ct)
    {
        if (await log.StreamVersionAsync(Baseline.StreamId(id), ct) == 0) throw new ResourceNotFound($"Baseline '{id}'");
    }
}
