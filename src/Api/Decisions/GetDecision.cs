using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

public static class GetDecision
{
    public static async Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, EventStore store, HttpContext context, CancellationToken ct)
    {
        var name = DecisionWrites.Symbol(symbol);
        await BaselineGate.EnsureExistsAsync(store, baseline, ct);
        var events = await store.ReadStreamAsync(Decision.StreamId(baseline, name), null, ct);
        var state = DecisionView.Fold(events) ?? throw new ResourceNotFound(DecisionWrites.What(baseline, name));
        ETags.Set(context.Response, events[^1].Version);
        return TypedResults.Ok(DecisionView.Detail(state, events));
    }
}
