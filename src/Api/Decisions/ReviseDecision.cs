using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Catalogs;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.WriteModels;
using Wolverine.Http;
using Wolverine.Marten;

namespace Traceability.Api.Decisions;

public static class ReviseDecision
{
    /// <summary>The whole new content of the decision, plus the reason for the change (recorded with the revision).</summary>
    public sealed record Request(
        string? Value,
        string? Rationale,
        IReadOnlyList<string>? Assumptions,
        IReadOnlyList<string>? Features,
        IReadOnlyList<string>? Requirements,
        string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Value).ConfigValueSyntax();
            RuleFor(r => r.Rationale).RequiredText();
            RuleFor(r => r.Assumptions).AssumptionIds();
            RuleFor(r => r.Features).SlugIds();
            RuleFor(r => r.Requirements).SlugIds();
            RuleFor(r => r.Reason).RequiredText(DecisionRules.MaxShortText);
        }
    }

    public static string StreamKey(string baseline, string symbol) => DecisionWrites.StreamKey(baseline, symbol);

    /// <summary>Any revision, even of an approved decision, returns it to proposed with the reviser as proposer.</summary>
    [WolverinePut("/api/baselines/{baseline}/decisions/{symbol}"), Tags(DecisionRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Revise a decision (If-Match): new value, rationale, links and the reason; it returns to proposed and needs a fresh approval.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412)]
    public static async Task<Written<DecisionDetail>> Handle(string baseline, Request request,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Decision>> stream,
        IDocumentSession session, EventLog log, CatalogReads catalogs, ApiKeyStore keys, CancellationToken ct)
    {
        await LinkedIds.EnsureExistAsync(log, request.Assumptions, request.Features, request.Requirements, ct);
        var state = stream.Aggregate!.State;
        stream.AppendOne(DecisionDecisions.Revise(state, request.Value!, request.Rationale,
            request.Assumptions, request.Features, request.Requirements, request.Reason));
        session.Reason(request.Reason?.Trim());
        await session.LockAsync(log, baseline, state, Locks.LinkedShared(request.Assumptions, request.Features, request.Requirements), ct);
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Ok(async token =>
        {
            var detail = await DecisionWrites.DetailAsync(log, keys, stream.Key!, version, token);
            return detail.With(await DependencyWarnings.ForAsync(log, catalogs, baseline, detail.Symbol, detail.Value, token));
        }, version);
    }
}
