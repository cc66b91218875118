using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Projections.Events;
using Traceability.Projections.Links;
using Wolverine.Http;
using Wolverine.Marten;

using Traceability.Projections.WriteModels;

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

    public static string StreamKey(string id) => FeatureRules.StreamId(id);

    [WolverinePut("/api/hardware-features/{id}"), Tags(FeatureRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Revise a feature (send If-Match). Changing its governing symbols marks every decision linking it suspect, in the same transaction.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<Response>> Handle(string id, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<HardwareFeature>> stream,
        IDocumentSession session, EventLog log, CancellationToken ct)
    {
        await FeatureRules.RequirePlatformsAsync(log, request.Availability, ct);
        var revised = HardwareFeatureDecisions.Revise(stream.Aggregate!.State, request.Description, request.ProtectsAgainst!,
            request.GoverningSymbols, request.Availability, request.Reason);
        stream.AppendOne(revised);
        session.Reason(request.Reason);
        // Only a change of governing symbols changes what a decision on the feature's symbols relied on.
        IReadOnlyList<string> suspects = HardwareFeatureDecisions.GoverningSymbolsChanged(stream.Aggregate!.State, revised)
            ? await session.MarkLinkingAsync(log, DecisionLinks.Feature, id, stream.Key!, SuspectCause.Revised(stream.Key!, revised.Revision), ct)
            : [];
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(async token => new Response(
            await log.ViewAsync(stream.Key!, FeatureRules.What(id), HardwareFeatureView.From, token, version), suspects.Count, suspects), version);
    }
}
