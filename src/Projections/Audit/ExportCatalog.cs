using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Platforms;

namespace Traceability.Projections.Audit;

/// <summary>
/// The Kconfig catalog report.html groups the undocumented symbols by (issue 12, item 7): the one the service
/// offers the baseline (its kernel version, else its series, on its platform's architecture), chosen among the
/// catalogs built by the export's position. The export carries that catalog and the platform in full, so the
/// verifier makes the same choice from events.jsonl and rebuilds the same report.
/// </summary>
public static class ExportCatalog
{
    private const string Built = "catalog_built";

    /// <summary>The catalog stream to carry, or null when the log has none for the baseline's kernel and architecture.</summary>
    public static string? Choose(string? platformArchitecture, string kernelVersion, IEnumerable<string> builtCatalogStreams)
    {
        if (CatalogArchitectures.Of(platformArchitecture) is not { } architecture) return null;
        var streams = builtCatalogStreams.ToHashSet(StringComparer.Ordinal);
        var exact = Catalog.StreamId(kernelVersion, architecture);
        if (streams.Contains(exact)) return exact;
        if (KernelSeries.Of(kernelVersion) is not { } series) return null;
        var suffix = "/" + architecture;
        var versions = streams.Where(s => s.StartsWith("catalog/", StringComparison.Ordinal) && s.EndsWith(suffix, StringComparison.Ordinal))
            .Select(s => s["catalog/".Length..^suffix.Length]).Where(v => KernelSeries.Of(v) == series);
        return KernelSeries.Preferred(versions) is [var best, ..] ? Catalog.StreamId(best, architecture) : null;
    }

    /// <summary>The same choice made from the export's events: the platform's payload and the catalogs' stream names.</summary>
    public static string? Choose(IReadOnlyList<AuditEvent> events, BaselineFacts baseline) =>
        Choose(Architecture(events, baseline.Platform), baseline.KernelVersion,
            events.Where(e => e.Type == Built).Select(e => e.StreamId));

    /// <summary>The streams besides the baseline's own and its references that the export must carry in full.</summary>
    public static IReadOnlyList<string> Streams(IReadOnlyList<AuditEvent> events, BaselineFacts baseline) =>
        Choose(events, baseline) is { } catalog ? [Platform.StreamId(baseline.Platform), catalog] : [Platform.StreamId(baseline.Platform)];

    /// <summary>Null when the catalog is not in the log or its payloads are not carried.</summary>
    public static Catalog? Fold(IReadOnlyList<AuditEvent> events, BaselineFacts baseline)
    {
        if (Choose(events, baseline) is not { } stream) return null;
        Catalog? catalog = null;
        foreach (var e in events.Where(e => e.StreamId == stream && e.Payload is not null)) catalog = Catalog.Evolve(catalog, e.ToRecorded().Data);
        return catalog is { Symbols.Count: > 0 } ? catalog : null;
    }

    private static string? Architecture(IReadOnlyList<AuditEvent> events, string platform)
    {
        var stream = Platform.StreamId(platform);
        Platform? state = null;
        foreach (var e in events.Where(e => e.StreamId == stream && e.Payload is not null)) state = Platform.Evolve(state, e.ToRecorded().Data);
        return state?.Architecture;
    }
}
