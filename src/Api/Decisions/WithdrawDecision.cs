using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.WriteModels;
using Wolverine.Http;
using Wolverine.Marten;

namespace Traceability.Api.Decisions;

public static class WithdrawDecision
{
    public static string StreamKey(string baseline, string symbol) => DecisionWrites.StreamKey(baseline, symbol);

    [WolverinePost("/api/baselines/{baseline}/decisions/{symbol}/withdraw"), Tags(DecisionRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Withdraw a decision (If-Match); a reason is required. A withdrawn decision takes no further changes.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<DecisionDetail>> Handle(string baseline, ReasonRequest request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Decision>> stream,
        IDocumentSession session, EventLog log, ApiKeyStore keys, CancellationToken ct)
    {
        var version = await session.AppendAsync(stream, log, baseline,
            DecisionDecisions.Withdraw(stream.Aggregate!.State, request.Reason), request.Reason!.Trim(), ct);
        return Written.Ok(token => DecisionWrites.DetailAsync(log, keys, stream.Key!, version, token), version);
    }
}
