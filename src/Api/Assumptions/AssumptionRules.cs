using FluentValidation;
using Traceability.Api.Http;
using Traceability.Domain.Assumptions;

namespace Traceability.Api.Assumptions;

/// <summary>What drafting and revising an AoU check alike.</summary>
internal static class AssumptionRules
{
    public static void Content<T>(this AbstractValidator<T> validator, Func<T, string?> category, Func<T, string?> text)
    {
        validator.RuleFor(r => category(r)).RequiredText(TextRules.NameLength).OverridePropertyName("category");
        validator.RuleFor(r => text(r)).RequiredText(TextRules.TextLength).OverridePropertyName("text");
    }

    public const string Tag = "Assumptions of use";

    public static string What(string id) => $"Assumption of use '{id}'";

    public static string StreamId(string id) => AssumptionOfUse.StreamId(id);
}
