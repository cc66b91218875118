namespace Traceability.Domain.Assumptions;

/// <summary>Draft → Agreed → Retired; a revision sends an agreed AoU back to draft for re-agreement.</summary>
public static class AssumptionDecisions
{
    public static AssumptionDrafted Draft(AssumptionOfUse? state, int number, string category, string text)
    {
        var id = AssumptionOfUse.FormatId(number);
        Require.Rule(state is null, $"{id} already exists.");
        return new AssumptionDrafted(id, Require.NotBlank(category, nameof(category)), Require.NotBlank(text, nameof(text)));
    }

    public static AssumptionRevised Revise(AssumptionOfUse state, string category, string text, string? reason)
    {
        EnsureNotRetired(state);
        var newCategory = Require.NotBlank(category, nameof(category));
        var newText = Require.NotBlank(text, nameof(text));
        Require.Rule(newCategory != state.Category || newText != state.Text,
            $"Revision of {state.Id} changes nothing.");
        return new AssumptionRevised(state.Id, state.Revision + 1, newCategory, newText,
            Require.Text(reason, "reason for the revision"));
    }

    public static AssumptionAccepted Accept(AssumptionOfUse state)
    {
        EnsureNotRetired(state);
        Require.Rule(state.Status == AssumptionStatus.Draft, $"{state.Id} is already agreed.");
        return new AssumptionAccepted(state.Id, state.Revision);
    }

    public static AssumptionRetired Retire(AssumptionOfUse state, string? reason)
    {
        EnsureNotRetired(state);
        return new AssumptionRetired(state.Id, Require.Text(reason, "reason for retiring"));
    }

    private static void EnsureNotRetired(AssumptionOfUse state) =>
        Require.Rule(state.Status != AssumptionStatus.Retired, $"{state.Id} is retired and takes no changes.");
}
