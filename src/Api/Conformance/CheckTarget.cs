using Traceability.Api.Baselines;
using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Conformance;

/// <summary>The baseline a file is checked against: its kernel version and its platform's architecture.</summary>
public sealed record CheckTarget(string Id, string KernelVersion, string? Architecture)
{
    /// <summary>
    /// Reads only the baseline's first event (BaselineCreated): the stream also holds every full
    /// imported .config, which a check does not need and which would cost more than the check itself.
    /// </summary>
    public static async Task<CheckTarget> LoadAsync(EventLog log, string id, CancellationToken ct)
    {
        var first = await log.ReadStreamAsync(Baseline.StreamId(id), 1, ct);
        if (first is not [{ Data: BaselineCreated created }]) throw new ResourceNotFound($"Baseline '{id}'");
        var architecture = await BaselineReads.PlatformArchitectureAsync(log, created.Platform, ct);
        return new CheckTarget(id, created.KernelVersion, architecture);
    }
}
