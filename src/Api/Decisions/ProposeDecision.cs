using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Catalogs;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.WriteModels;
using Wolverine.Attributes;
using Wolverine.Http;

namespace Traceability.Api.Decisions;

public static class ProposeDecision
{
    /// <summary>Symbol: FUTEX or CONFIG_FUTEX (stored without the prefix). Value: as a .config writes it (y, m, n, "text", 12, 0x1f).</summary>
    public sealed record Request(
        string? Symbol,
        string? Value,
        string? Rationale,
        IReadOnlyList<string>? Assumptions,
        IReadOnlyList<string>? Features,
        IReadOnlyList<string>? Requirements,
        bool? Force = null,
        string? ForceReason = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Symbol).KconfigSymbolName();
            RuleFor(r => r.Value).ConfigValueSyntax();
            RuleFor(r => r.Rationale).RequiredText();
            RuleFor(r => r.Assumptions).AssumptionIds();
            RuleFor(r => r.Features).SlugIds();
            RuleFor(r => r.Requirements).SlugIds();
            RuleFor(r => r.ForceReason).RequiredText(TextRules.TextLength).When(r => r.Force == true)
                .WithMessage("A forced proposal needs a forceReason: why a symbol outside the catalog is decided.");
        }
    }

    /// <summary>
    /// A symbol absent from the baseline's config may still be decided: the matrix flags it. The stream may not exist
    /// yet, so it is loaded here rather than by [WriteAggregate] (which answers 404 for a missing stream).
    /// </summary>
    [WolverinePost("/api/baselines/{baseline}/decisions"), Transactional, Tags(DecisionRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Propose the decision on one symbol (FUTEX or CONFIG_FUTEX) in an open baseline: value, rationale, linked AoUs, features, requirements.")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<WrittenCreated<DecisionDetail>> Handle(
        string baseline, Request request, IDocumentSession session, EventLog log, CatalogReads catalogs, ApiKeyStore keys, CancellationToken ct)
    {
        await BaselineGate.EnsureExistsAsync(log, baseline, ct);
        await LinkedIds.EnsureExistAsync(log, request.Assumptions, request.Features, request.Requirements, ct);
        var symbol = DecisionWrites.Symbol(request.Symbol!);
        await CatalogGate.EnsureKnownAsync(catalogs, baseline, symbol, request.Force == true, ct);
        var key = Decision.StreamId(baseline, symbol);
        var stream = await session.Events.FetchForWriting<Folded<Decision>>(key, ct);
        var proposed = DecisionDecisions.Propose(stream.Aggregate?.State, baseline, symbol, request.Value!, request.Rationale,
            request.Assumptions, request.Features, request.Requirements);
        await session.LockAsync(log, baseline, null, Locks.LinkedShared(request.Assumptions, request.Features, request.Requirements), ct);
        stream.AppendOne(proposed);
        var forced = request.Force == true ? $" (forced: {request.ForceReason})" : "";
        session.Reason($"propose {KconfigSymbol.Display(symbol)}={proposed.Value}{forced}");
        var version = (stream.StartingVersion ?? 0) + 1;
        return Written.Created(DecisionWrites.Location(baseline, symbol), async token =>
        {
            var detail = await DecisionWrites.DetailAsync(log, keys, key, version, token);
            return detail.With(await DependencyWarnings.ForAsync(log, catalogs, baseline, symbol, detail.Value, token));
        }, version);
    }
}
