using Traceability.Api.Assumptions;
using Traceability.Api.Commands;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;

namespace Traceability.Api.Traces;

/// <summary>GET /api/assumptions/{id}/trace: the AoU → the decisions that rely on it → their symbols and config values, per baseline.</summary>
public static class GetAssumptionTrace
{
    public sealed record TracedAssumption(string Id, string Category, string Text, AssumptionStatus Status, int Revision);

    public sealed record Response(TracedAssumption Assumption, int DecisionCount, IReadOnlyList<DecisionsInBaseline> Baselines);

    public static async Task<Ok<Response>> Handle(string id, EventLog log, CancellationToken ct)
    {
        var view = await log.ViewAsync(AssumptionRules.StreamId(id), AssumptionRules.What(id), AssumptionView.From, ct);
        var rows = await TraceReads.RowsLinkingAssumptionAsync(log.DataSource, view.Id, ct);
        var assumption = new TracedAssumption(view.Id, view.Category, view.Text, view.Status, view.Revision);
        return TypedResults.Ok(new Response(assumption, rows.Count, await TraceReads.GroupAsync(log, rows, ct)));
    }
}
