using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.Assumptions;

public static class ListAssumptions
{
    public static async Task<Ok<IReadOnlyList<AssumptionView>>> Handle(EventLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ListViewsAsync(AssumptionView.StreamType, AssumptionView.From, ct));
}
