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

public static class ReviseAssumption
{
    /// <summary>The AoU's new category and text, and why they changed. An agreed AoU returns to draft.</summary>
    public sealed record Request(string? Category, string? Text, string? Reason);

    /// <summary>DecisionsMarkedSuspect counts the decisions linking this AoU that the revision flagged.</summary>
    public sealed record Response(AssumptionView Assumption, int DecisionsMarkedSuspect, IReadOnlyList<string> SuspectDecisions);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            this.Content(r => r.Category, r => r.Text);
            RuleFor(r => r.Reason).RequiredText(TextRules.TextLength);
        }
    }

    public static string StreamKey(string id) => AssumptionRules.StreamId(id);

    [WolverinePut("/api/assumptions/{id}"), Tags(AssumptionRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Revise an assumption (send If-Match): it returns to draft and every decision linking it is marked suspect in the same transaction.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<Response>> Handle(string id, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<AssumptionOfUse>> stream,
        IDocumentSession session, EventLog log, CancellationToken ct)
    {
        var revised = AssumptionDecisions.Revise(stream.Aggregate!.State, request.Category!, request.Text!, request.Reason);
        stream.AppendOne(revised);
        session.Reason(request.Reason);
        var suspects = await session.MarkLinkingAsync(log, DecisionLinks.Assumption, id, stream.Key!, SuspectCause.Revised(stream.Key!, revised.Revision), ct);
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(async token => new Response(
            await log.ViewAsync(stream.Key!, AssumptionRules.What(id), AssumptionView.From, token, version), suspects.Count, suspects), version);
    }
}
