using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Links;
using Wolverine.Http;
using Wolverine.Marten;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Assumptions;

public static class RetireAssumption
{
    /// <summary>Why the assumption no longer holds or is no longer needed.</summary>
    public sealed record Request(string? Reason);

    public sealed record Response(AssumptionView Assumption, int DecisionsMarkedSuspect, IReadOnlyList<string> SuspectDecisions);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(TextRules.TextLength);
    }

    public static string StreamKey(string id) => AssumptionRules.StreamId(id);

    /// <summary>A decision that relied on a retired AoU relies on nothing: it is marked suspect like after a revision.</summary>
    [WolverinePost("/api/assumptions/{id}/retire"), Tags(AssumptionRules.Tag), Authorize(Roles.Assessment)]
    [EndpointSummary("Retire an assumption (assessor, reason required); every decision linking it is marked suspect.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<Response>> Handle(string id, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<AssumptionOfUse>> stream,
        IDocumentSession session, EventLog log, CancellationToken ct)
    {
        stream.AppendOne(AssumptionDecisions.Retire(stream.Aggregate!.State, request.Reason));
        session.Reason(request.Reason);
        var suspects = await session.MarkLinkingAsync(log, DecisionLinks.Assumption, id, stream.Key!, SuspectCause.Retired(stream.Key!), ct);
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(async token => new Response(
            await log.ViewAsync(stream.Key!, AssumptionRules.What(id), AssumptionView.From, token, version), suspects.Count, suspects), version);
    }
}
