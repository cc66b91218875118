using FluentValidation;
using Traceability.Domain;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Kconfig;

namespace Traceability.Api.Decisions;

/// <summary>The field rules every decision request shares, so propose and revise cannot drift apart.</summary>
internal static class DecisionRules
{
    public const string Tag = "Decisions";

    public const int MaxText = 10_000;
    public const int MaxShortText = 2_000;
    public const int MaxLinks = 100;

    public static IRuleBuilderOptions<T, string?> KconfigSymbolName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(s => KconfigSymbol.Normalize(s) is not null)
            .WithMessage((_, s) => KconfigSymbol.Problem(s) ?? "Symbol must be a Kconfig name such as FUTEX or CONFIG_FUTEX.");

    public static IRuleBuilderOptions<T, string?> ConfigValueSyntax<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(v => v is not null && ConfigValue.IsValid(v))
            .WithMessage("Value must be written as in a .config: y, m, n, \"quoted text\", a decimal (12) or hex (0x1f) number.");

    /// <summary>Free text: no control characters but newline and tab, so exports and logs stay readable.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max = MaxText) =>
        rule.MaximumLength(max).Must(t => t is null || t.All(c => !char.IsControl(c) || c is '\n' or '\t'))
            .WithMessage("Text must not contain control characters other than newline and tab.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int max = MaxText) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("'{PropertyName}' is required.").Text(max);

    public static void AssumptionIds<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(l => l is null || l.Count <= MaxLinks).WithMessage($"At most {MaxLinks} links.")
            .Must(l => l is null || l.All(AssumptionOfUse.IsValidId))
            .WithMessage("Assumptions are AoU ids such as AOU-0001.");

    public static void SlugIds<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(l => l is null || l.Count <= MaxLinks).WithMessage($"At most {MaxLinks} links.")
            .Must(l => l is null || l.All(Ids.IsSlug))
            .WithMessage("Links are lower-case slug ids such as arm64-pan.");
}
