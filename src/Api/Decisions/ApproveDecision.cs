using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Projections.Events;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Decisions;

public static class ApproveDecision
{
    /// <summary>Meaning: what the signature asserts; the default wording is used when omitted.</summary>
    public sealed record Request(string? Meaning);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Meaning).Text(DecisionRules.MaxShortText);
    }

    /// <summary>
    /// The body is optional, so it is validated here rather than by the filter. Four-eyes compares key
    /// names: the proposer's key cannot approve, whatever its role.
    /// </summary>
    public static async Task<Ok<DecisionDetail>> Handle(
        string baseline, string symbol, Request? request, IValidator<Request> validator,
        EventLog log, HttpContext context, CancellationToken ct)
    {
        if (request is not null) await validator.ValidateAndThrowAsync(request, ct);
        return await DecisionWrites.ChangeAsync(log, context, baseline, symbol, state =>
        {
            var approved = DecisionDecisions.Approve(state, Actor.Name(context), request?.Meaning);
            return new Change(approved, approved.Meaning);
        }, ct);
    }
}
