using Traceability.Api.Commands;
using FluentValidation;
using Traceability.Api.Catalogs;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;

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

    /// <summary>A symbol absent from the baseline's config may still be decided: the matrix flags it.</summary>
    public static async Task<Created<DecisionDetail>> Handle(
        string baseline, Request request, EventLog log, CatalogReads catalogs, HttpContext context, CancellationToken ct)
    {
        await BaselineGate.EnsureExistsAsync(log, baseline, ct);
        await LinkedIds.EnsureExistAsync(log, request.Assumptions, request.Features, request.Requirements, ct);
        var symbol = DecisionWrites.Symbol(request.Symbol!);
        await CatalogGate.EnsureKnownAsync(catalogs, baseline, symbol, request.Force == true, ct);
        var existing = DecisionView.Fold(await log.ReadStreamAsync(Decision.StreamId(baseline, symbol), null, ct));
        var proposed = DecisionDecisions.Propose(existing, baseline, symbol, request.Value!, request.Rationale,
            request.Assumptions, request.Features, request.Requirements);
        var forced = request.Force == true ? $" (forced: {request.ForceReason})" : "";
        var change = new Change(proposed, $"propose {KconfigSymbol.Display(symbol)}={proposed.Value}{forced}");
        var locks = Locks.DecisionWrite(baseline, null, Locks.LinkedShared(request.Assumptions, request.Features, request.Requirements));
        var version = await DecisionWrites.AppendAsync(log, context, baseline, symbol, 0, change, locks, ct);
        var detail = await DecisionWrites.RespondAsync(log, context, baseline, symbol, version, ct);
        var checks = await DependencyWarnings.ForAsync(log, catalogs, baseline, symbol, detail.Value, ct);
        return TypedResults.Created(DecisionWrites.Location(baseline, symbol), detail.With(checks));
    }
}
