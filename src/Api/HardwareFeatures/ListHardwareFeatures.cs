using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.HardwareFeatures;

public static class ListHardwareFeatures
{
    public static async Task<Ok<IReadOnlyList<HardwareFeatureView>>> Handle(EventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListViewsAsync(HardwareFeatureView.StreamType, HardwareFeatureView.From, ct));
}
