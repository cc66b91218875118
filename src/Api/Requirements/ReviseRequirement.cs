using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;
using Traceability.Projections.Links;
using Wolverine.Http;
using Wolverine.Marten;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Requirements;

public static class ReviseRequirement
{
    /// <summary>The requirement's new external id, title and text, and why they changed.</summary>
    public sealed record Request(string? ExternalId, string? Title, string? Text, string? Reason);

    /// <summary>DecisionsMarkedSuspect counts the decisions citing this requirement that the revision flagged.</summary>
    public sealed record Response(RequirementView Requirement, int DecisionsMarkedSuspect, IReadOnlyList<string> SuspectDecisions);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            this.Content(r => r.ExternalId, r => r.Title, r => r.Text);
            RuleFor(r => r.Reason).RequiredText(TextRules.TextLength);
        }
    }

    public static string StreamKey(string id) => RequirementRules.StreamId(id);

    [WolverinePut("/api/requirements/{id}"), Tags(RequirementRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Revise a requirement (send If-Match); every decision citing it is marked suspect in the same transaction.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<Response>> Handle(string id, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Requirement>> stream,
        IDocumentSession session, EventLog log, CancellationToken ct)
    {
        var revised = RequirementDecisions.Revise(stream.Aggregate!.State, request.ExternalId, request.Title!, request.Text!, request.Reason);
        stream.AppendOne(revised);
        session.Reason(request.Reason);
        var suspects = await session.MarkLinkingAsync(log, DecisionLinks.Requirement, id, stream.Key!, SuspectCause.Revised(stream.Key!, revised.Revision), ct);
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(async token => new Response(
            await log.ViewAsync(stream.Key!, RequirementRules.What(id), RequirementView.From, token, version), suspects.Count, suspects), version);
    }
}
