using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

public static class ReconfirmDecision
{
    /// <summary>Clears suspect: the assessor confirms the decision still holds after a linked item changed.</summary>
    public static Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, ReasonRequest request, EventLog log, HttpContext context, CancellationToken ct) =>
        DecisionWrites.ChangeAsync(log, context, baseline, symbol,
            state => new Change(DecisionDecisions.Reconfirm(state, request.Reason), request.Reason!.Trim()), ct);
}
