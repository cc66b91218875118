using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

public static class RejectDecision
{
    public static Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, ReasonRequest request, EventLog log, HttpContext context, CancellationToken ct) =>
        DecisionWrites.ChangeAsync(log, context, baseline, symbol,
            state => new Change(DecisionDecisions.Reject(state, request.Reason), request.Reason!.Trim()), ct);
}
