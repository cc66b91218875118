using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>The latest .config import: enough to recognise it, never the ~11k values themselves.</summary>
public sealed record LatestImport(
    int Revision, string Sha256, string? Architecture, string? KernelVersion, int Symbols,
    DateTimeOffset ImportedAt, string ImportedBy);

/// <summary>A baseline as the API shows it. Version is the stream version (the ETag).</summary>
public sealed record BaselineView(
    string Id,
    string Platform,
    string KernelVersion,
    string Variant,
    string? DerivedFrom,
    bool Frozen,
    string? FrozenReason,
    LatestImport? LatestImport,
    long Version)
{
    /// <summary>The view of a baseline's recorded events (null when there are none).</summary>
    public static BaselineView? From(IReadOnlyList<RecordedEvent> events) => events.Aggregate((BaselineView?)null, Evolve);

    public static BaselineView? Evolve(BaselineView? view, RecordedEvent recorded) => recorded.Data switch
    {
        BaselineCreated e => new BaselineView(
            e.Id, e.Platform, e.KernelVersion, e.Variant, e.DerivedFrom, false, null, null, recorded.Version),
        ConfigImported e when view is not null => view with
        {
            LatestImport = new LatestImport(e.Revision, e.Sha256, e.Architecture, e.KernelVersion, e.Values.Count,
                recorded.Timestamp, recorded.Metadata.Actor),
            Version = recorded.Version,
        },
        BaselineFrozen e when view is not null => view with { Frozen = true, FrozenReason = e.Reason, Version = recorded.Version },
        _ when view is not null => view with { Version = recorded.Version },
        _ => view,
    };
}
