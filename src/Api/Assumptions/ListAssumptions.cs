using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.Assumptions;

public static class ListAssumptions
{
    public static async Task<Ok<IReadOnlyList<AssumptionView>>> Handle(EventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListViewsAsync(AssumptionView.StreamType, AssumptionView.From, ct));
}
