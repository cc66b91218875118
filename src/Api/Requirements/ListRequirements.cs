using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.Requirements;

public static class ListRequirements
{
    public static async Task<Ok<IReadOnlyList<RequirementView>>> Handle(EventLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ListViewsAsync(RequirementView.StreamType, RequirementView.From, ct));
}
