using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Links;

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

    public static async Task<Ok<Response>> Handle(string id, Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = AssumptionRules.StreamId(id);
        var (state, version) = await log.LoadForWriteAsync<AssumptionOfUse>(context.Request, stream, AssumptionRules.What(id), AssumptionOfUse.Evolve, ct);
        var revised = AssumptionDecisions.Revise(state, request.Category!, request.Text!, request.Reason);
        var change = await log.AppendMarkingLinkedAsync(new StreamAppend(stream, version, [revised]),
            DecisionLinks.Assumption, id, SuspectCause.Revised(stream, revised.Revision), Actor.Metadata(context, request.Reason), ct);
        var view = await log.ViewAsync(stream, AssumptionRules.What(id), AssumptionView.From, ct, change.Append.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(new Response(view, change.SuspectDecisions.Count, change.SuspectDecisions));
    }
}
