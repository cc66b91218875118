using FluentValidation;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

public static class AttachEvidence
{
    /// <summary>Kind: test | analysis | review. Reference: where it lives (CI run URL, report id). Outcome: pass | fail | inconclusive.</summary>
    public sealed record Request(string? Kind, string? Reference, string? Outcome, string? Summary);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).Must(EvidenceKinds.IsValid).WithMessage("Kind must be test, analysis or review.");
            RuleFor(r => r.Reference).RequiredText(DecisionRules.MaxShortText);
            RuleFor(r => r.Outcome).Must(EvidenceOutcomes.IsValid).WithMessage("Outcome must be pass, fail or inconclusive.");
            RuleFor(r => r.Summary).Text();
        }
    }

    public static async Task<Created<DecisionDetail>> Handle(
        string baseline, string symbol, Request request, EventLog log, HttpContext context, CancellationToken ct)
    {
        var ok = await DecisionWrites.ChangeAsync(log, context, baseline, symbol, state =>
        {
            var attached = DecisionDecisions.AttachEvidence(state, request.Kind!, request.Reference!, request.Outcome!, request.Summary);
            return new Change(attached, $"evidence {attached.EvidenceId}: {attached.Kind} {attached.Outcome}");
        }, ct);
        var detail = ok.Value!;
        var evidence = detail.Evidence[^1];
        return TypedResults.Created($"{DecisionWrites.Location(baseline, detail.Symbol)}#evidence-{evidence.Id}", detail);
    }
}
