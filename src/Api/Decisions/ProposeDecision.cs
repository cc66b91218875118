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
        string baseline, Request request, EventStore store, CatalogReads catalogs, HttpContext context, CancellationToken ct)
    {
        await BaselineGate.EnsureExistsAsync(store, baseline, ct);
        await LinkedIds.EnsureExistAsync(store, request.Assumptions, request.Features, request.Requirements, ct);
        var symbol = DecisionWrites.Symbol(request.Symbol!);
        await CatalogGate.EnsureKnownAsync(catalogs, baseline, symbol, request.Force == true, ct);
        var existing = DecisionView.Fold(await store.ReadStreamAsync(Decision.StreamId(baseline, symbol), null, ct));
        var proposed = DecisionDecisions.Propose(existing, baseline, symbol, request.Value!, request.Rationale,
            request.Assumptions, request.Features, request.Requirements);
        var forced = request.Force == true ? $" (forced: {request.ForceReason})" : "";
        var change = new Change(proposed, $"propose {KconfigSymbol.Display(symbol)}={proposed.Value}{forced}");
        var version = await DecisionWrites.AppendAsync(store, context, baseline, symbol, ExpectedVersion.NoStream, change, ct);
        var detail = await DecisionWrites.RespondAsync(store, context.Response, baseline, symbol, version, ct);
        var checks = await DependencyWarnings.ForAsync(store, catalogs, baseline, symbol, detail.Value, ct);
        return TypedResults.Created(DecisionWrites.Location(baseline, symbol), detail.With(checks));
    }
}
