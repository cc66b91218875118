using Traceability.Api.Commands;
using FluentValidation;
using Traceability.Api.Catalogs;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

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

    /// <summary>Any revision, even of an approved decision, returns it to proposed with the reviser as proposer.</summary>
    public static async Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, Request request, EventLog log, CatalogReads catalogs, HttpContext context, CancellationToken ct)
    {
        await LinkedIds.EnsureExistAsync(log, request.Assumptions, request.Features, request.Requirements, ct);
        var revised = await DecisionWrites.ChangeAsync(log, context, baseline, symbol, state => new Change(
            DecisionDecisions.Revise(state, request.Value!, request.Rationale,
                request.Assumptions, request.Features, request.Requirements, request.Reason),
            request.Reason?.Trim()), ct, Locks.LinkedShared(request.Assumptions, request.Features, request.Requirements));
        var detail = revised.Value!;
        var checks = await DependencyWarnings.ForAsync(log, catalogs, baseline, detail.Symbol, detail.Value, ct);
        return TypedResults.Ok(detail.With(checks));
    }
}
