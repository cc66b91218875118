namespace Traceability.Domain.Requirements;

public static class RequirementDecisions
{
    public static RequirementRecorded Record(
        Requirement? state, string id, string? externalId, string title, string text, string kind)
    {
        Require.Rule(state is null, $"Requirement '{id}' already exists.");
        if (!RequirementKinds.IsValid(kind))
        {
            throw new ArgumentException("Kind must be 'requirement' or 'goal'.", nameof(kind));
        }
        return new RequirementRecorded(
            Ids.RequireSlug(id, nameof(id)),
            Blank(externalId),
            Require.NotBlank(title, nameof(title)),
            Require.NotBlank(text, nameof(text)),
            kind);
    }

    public static RequirementRevised Revise(
        Requirement state, string? externalId, string title, string text, string? reason)
    {
        var revised = new RequirementRevised(
            state.Id,
            state.Revision + 1,
            Blank(externalId),
            Require.NotBlank(title, nameof(title)),
            Require.NotBlank(text, nameof(text)),
            Require.Text(reason, "reason for the revision"));
        Require.Rule(
            revised.ExternalId != state.ExternalId || revised.Title != state.Title || revised.Text != state.Text,
            $"Revision of '{state.Id}' changes nothing.");
        return revised;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
