using Traceability.Api.Catalogs;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Decisions;

public static class GetDecision
{
    /// <summary>Warnings as a propose or revise to the current value would give them now; none for a rejected or withdrawn decision.</summary>
    public static async Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, EventLog log, CatalogReads catalogs, ApiKeyStore keys, HttpContext context, CancellationToken ct)
    {
        var name = DecisionWrites.Symbol(symbol);
        await BaselineGate.EnsureExistsAsync(log, baseline, ct);
        var events = await log.ReadStreamAsync(Decision.StreamId(baseline, name), null, ct);
        var state = DecisionView.Fold(events) ?? throw new ResourceNotFound(DecisionWrites.What(baseline, name));
        ETags.Set(context.Response, events[^1].Version);
        var detail = DecisionView.Detail(state, events, await keys.OwnersAsync(ct));
        return TypedResults.Ok(state.Status is DecisionStatus.Proposed or DecisionStatus.Approved
            ? detail.With(await DependencyWarnings.ForAsync(log, catalogs, baseline, name, state.Value, ct))
            : detail with { Warnings = [] });
    }
}
