using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Links;

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

    /// <summary>A decision that relied on a retired AoU relies on nothing: it is marked suspect like after a revision.</summary>
    public static async Task<Ok<Response>> Handle(string id, Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = AssumptionRules.StreamId(id);
        var (state, version) = await log.LoadForWriteAsync<AssumptionOfUse>(context.Request, stream, AssumptionRules.What(id), AssumptionOfUse.Evolve, ct);
        var retired = AssumptionDecisions.Retire(state, request.Reason);
        var change = await log.AppendMarkingLinkedAsync(new StreamAppend(stream, version, [retired]),
            DecisionLinks.Assumption, id, SuspectCause.Retired(stream), Actor.Metadata(context, request.Reason), ct);
        var view = await log.ViewAsync(stream, AssumptionRules.What(id), AssumptionView.From, ct, change.Append.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(new Response(view, change.SuspectDecisions.Count, change.SuspectDecisions));
    }
}
