using FluentValidation;

namespace Traceability.Api.Decisions;

/// <summary>The body of reject, reconfirm and withdraw: the reason is required and goes into the event and its metadata.</summary>
public sealed record ReasonRequest(string? Reason)
{
    public sealed class Validator : AbstractValidator<ReasonRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(DecisionRules.MaxShortText);
    }
}
