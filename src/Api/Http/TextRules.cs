using FluentValidation;

namespace Traceability.Api.Http;

/// <summary>Length caps and the control-character rule every free-text field shares (the common API brief).</summary>
public static class TextRules
{
    public const int IdLength = 64;
    public const int NameLength = 200;
    public const int TextLength = 10_000;

    /// <summary>Line feeds and tabs are part of prose; any other control character is an encoding accident or an attack on a terminal.</summary>
    public static bool HasNoControlCharacters(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\t'));

    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength)
            .Must(HasNoControlCharacters).WithMessage("'{PropertyName}' must not contain control characters other than line feed and tab.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty().CleanText(maxLength);
}
