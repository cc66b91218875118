using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.Requirements;

public static class GetRequirement
{
    public static async Task<Ok<RequirementView>> Handle(string id, EventLog log, HttpContext context, CancellationToken ct)
    {
        var view = await log.ViewAsync(RequirementRules.StreamId(id), RequirementRules.What(id), RequirementView.From, ct);
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(view);
    }
}
