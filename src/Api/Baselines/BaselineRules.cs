using FluentValidation;
using Traceability.Domain;

namespace Traceability.Api.Baselines;

/// <summary>Field rules the baseline requests share, so create and derive refuse the same input the same way.</summary>
public static class BaselineRules
{
    public const string Tag = "Baselines";
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 10_000;

    public static IRuleBuilderOptions<T, string?> BaselineId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(Ids.IsSlug)
            .WithMessage("'{PropertyValue}' is not a lower-case slug id such as 'arm64-6.12' (at most 64 characters).");

    public static IRuleBuilderOptions<T, string?> KernelVersion<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(64).Matches("^[0-9][0-9A-Za-z.+_-]*$")
            .WithMessage("Kernel version must look like 6.12.117 (digits first; letters, digits, '.', '-', '+', '_').");

    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).Must(NoControlCharacters)
            .WithMessage("'{PropertyName}' must not contain control characters other than newline and tab.");

    private static bool NoControlCharacters(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\t'));
}
