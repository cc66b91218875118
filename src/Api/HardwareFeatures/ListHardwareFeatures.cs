using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.HardwareFeatures;

public static class ListHardwareFeatures
{
    public static async Task<Ok<IReadOnlyList<HardwareFeatureView>>> Handle(EventLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ListViewsAsync(HardwareFeatureView.StreamType, HardwareFeatureView.From, ct));
}
