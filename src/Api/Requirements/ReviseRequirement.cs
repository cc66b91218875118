using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;
using Traceability.Projections.Links;

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

    public static async Task<Ok<Response>> Handle(string id, Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = RequirementRules.StreamId(id);
        var (state, version) = await log.LoadForWriteAsync<Requirement>(context.Request, stream, RequirementRules.What(id), Requirement.Evolve, ct);
        var revised = RequirementDecisions.Revise(state, request.ExternalId, request.Title!, request.Text!, request.Reason);
        var change = await log.AppendMarkingLinkedAsync(new StreamAppend(stream, version, [revised]),
            DecisionLinks.Requirement, id, SuspectCause.Revised(stream, revised.Revision), Actor.Metadata(context, request.Reason), ct);
        var view = await log.ViewAsync(stream, RequirementRules.What(id), RequirementView.From, ct, change.Append.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(new Response(view, change.SuspectDecisions.Count, change.SuspectDecisions));
    }
}
