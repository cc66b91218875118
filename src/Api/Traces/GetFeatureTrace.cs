using Traceability.Api.Baselines;
using Traceability.Api.Commands;
using Traceability.Api.HardwareFeatures;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Traces;

/// <summary>
/// GET /api/hardware-features/{id}/trace: the feature → its governing symbols → value and decision in every
/// baseline whose platform the feature lists or whose architecture matches, plus every decision linking it.
/// </summary>
public static class GetFeatureTrace
{
    public static async Task<Ok<FeatureTraceResponse>> Handle(string id, EventLog log, CancellationToken ct)
    {
        var feature = await log.ViewAsync(FeatureRules.StreamId(id), FeatureRules.What(id), HardwareFeatureView.From, ct);
        var baselines = await RelevantBaselinesAsync(log, feature, ct);
        var rows = await GoverningRowsAsync(log, baselines, feature.GoverningSymbols, ct);
        var linking = await TraceReads.RowsLinkingFeatureAsync(log.DataSource, feature.Id, ct);
        var none = feature.GoverningSymbols.Count == 0;
        var traced = new TracedFeature(feature.Id, feature.Name, feature.Architecture, feature.ProtectsAgainst,
            feature.GoverningSymbols.Select(KconfigSymbol.Display).ToList(), feature.Revision);
        var onBaselines = baselines.Select(b => b with
        {
            Symbols = none ? null : feature.GoverningSymbols.Select(s => GoverningSymbol.From(s, rows.GetValueOrDefault((b.Baseline, s)))).ToList(),
        }).ToList();
        return TypedResults.Ok(new FeatureTraceResponse(traced, none, none ? FeatureTraceResponse.NoSymbolNote : null,
            onBaselines, linking.Count, await TraceReads.GroupAsync(log, linking, ct)));
    }

    /// <summary>Baselines on a platform the feature has an availability entry for, or of the feature's architecture.</summary>
    private static async Task<List<FeatureOnBaseline>> RelevantBaselinesAsync(EventLog log, HardwareFeatureView feature, CancellationToken ct)
    {
        var architectures = new Dictionary<string, string?>(StringComparer.Ordinal);
        var relevant = new List<FeatureOnBaseline>();
        foreach (var header in await TraceReads.AllHeadersAsync(log, ct))
        {
            if (!architectures.TryGetValue(header.Platform, out var architecture))
            {
                architecture = architectures[header.Platform] = await BaselineReads.PlatformArchitectureAsync(log, header.Platform, ct);
            }
            var listed = feature.Availability.TryGetValue(header.Platform, out var availability);
            if (!listed && architecture != feature.Architecture) continue;
            relevant.Add(new FeatureOnBaseline(header.Id, header.Platform, architecture, header.KernelVersion,
                availability ?? FeatureTraceResponse.NotListed, null));
        }
        return relevant;
    }

    private static async Task<Dictionary<(string, string), MatrixRow>> GoverningRowsAsync(
        EventLog log, List<FeatureOnBaseline> baselines, IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var keys = baselines.SelectMany(b => symbols.Select(s => (b.Baseline, s))).ToList();
        if (keys.Count == 0) return [];
        await using var connection = await log.DataSource.OpenConnectionAsync(ct);
        return await MatrixRows.LoadAsync(connection, [], keys, ct);
    }
}
