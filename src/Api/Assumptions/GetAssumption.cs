using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.Assumptions;

public static class GetAssumption
{
    public static async Task<Ok<AssumptionView>> Handle(string id, EventLog log, HttpContext context, CancellationToken ct)
    {
        var view = await log.ViewAsync(AssumptionRules.StreamId(id), AssumptionRules.What(id), AssumptionView.From, ct);
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(view);
    }
}
