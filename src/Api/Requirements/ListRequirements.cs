using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.Requirements;

public static class ListRequirements
{
    public static async Task<Ok<IReadOnlyList<RequirementView>>> Handle(EventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListViewsAsync(RequirementView.StreamType, RequirementView.From, ct));
}
