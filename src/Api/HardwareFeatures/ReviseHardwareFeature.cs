using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Projections.Events;
using Traceability.Projections.Links;

namespace Traceability.Api.HardwareFeatures;

public static class ReviseHardwareFeature
{
    /// <summary>The feature's new content in full (not a patch) and why it changed.</summary>
    public sealed record Request(
        string? Description,
        string? ProtectsAgainst,
        IReadOnlyList<string>? GoverningSymbols,
        IReadOnlyDictionary<string, string>? Availability,
        string? Reason);

    /// <summary>DecisionsMarkedSuspect counts the decisions this revision flagged (only a change of governing symbols flags any).</summary>
    public sealed record Response(HardwareFeatureView Feature, int DecisionsMarkedSuspect, IReadOnlyList<string> SuspectDecisions);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Description).CleanText(TextRules.TextLength);
            RuleFor(r => r.ProtectsAgainst).RequiredText(TextRules.TextLength);
            this.GoverningSymbols(r => r.GoverningSymbols);
            this.Availability(r => r.Availability);
            RuleFor(r => r.Reason).RequiredText(TextRules.TextLength);
        }
    }

    public static async Task<Ok<Response>> Handle(string id, Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var stream = FeatureRules.StreamId(id);
        var (state, version) = await log.LoadForWriteAsync<HardwareFeature>(context.Request, stream, FeatureRules.What(id), HardwareFeature.Evolve, ct);
        await FeatureRules.RequirePlatformsAsync(log, request.Availability, ct);
        var revised = HardwareFeatureDecisions.Revise(state, request.Description, request.ProtectsAgainst!,
            request.GoverningSymbols, request.Availability, request.Reason);
        var cause = HardwareFeatureDecisions.GoverningSymbolsChanged(state, revised) ? SuspectCause.Revised(stream, revised.Revision) : null;
        var change = await log.AppendMarkingLinkedAsync(new StreamAppend(stream, version, [revised]),
            DecisionLinks.Feature, id, cause, Actor.Metadata(context, request.Reason), ct);
        var view = await log.ViewAsync(stream, FeatureRules.What(id), HardwareFeatureView.From, ct, change.Append.VersionOf(stream));
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(new Response(view, change.SuspectDecisions.Count, change.SuspectDecisions));
    }
}
