using FluentValidation;
using Traceability.Api.Http;
using Traceability.Domain.Requirements;

namespace Traceability.Api.Requirements;

/// <summary>What recording and revising a requirement check alike.</summary>
internal static class RequirementRules
{
    public static void Content<T>(this AbstractValidator<T> validator, Func<T, string?> externalId, Func<T, string?> title, Func<T, string?> text)
    {
        validator.RuleFor(r => externalId(r)).CleanText(TextRules.NameLength).OverridePropertyName("externalId");
        validator.RuleFor(r => title(r)).RequiredText(TextRules.NameLength).OverridePropertyName("title");
        validator.RuleFor(r => text(r)).RequiredText(TextRules.TextLength).OverridePropertyName("text");
    }

    public const string Tag = "Requirements";

    public static string What(string id) => $"Requirement '{id}'";

    public static string StreamId(string id) => Requirement.StreamId(id);
}
