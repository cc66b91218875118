using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.HardwareFeatures;

public static class GetHardwareFeature
{
    public static async Task<Ok<HardwareFeatureView>> Handle(string id, EventLog log, HttpContext context, CancellationToken ct)
    {
        var view = await log.ViewAsync(FeatureRules.StreamId(id), FeatureRules.What(id), HardwareFeatureView.From, ct);
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(view);
    }
}
