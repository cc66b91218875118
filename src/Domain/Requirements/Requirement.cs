namespace Traceability.Domain.Requirements;

public sealed record Requirement(string Id, int Revision, string? ExternalId, string Title, string Text)
{
    public static string StreamId(string id) => $"requirement/{id}";

    public static Requirement? Evolve(Requirement? state, object @event) => @event switch
    {
        RequirementRecorded e => new Requirement(e.Id, 1, e.ExternalId, e.Title, e.Text),
        RequirementRevised e when state is not null => state with
        {
            Revision = e.Revision,
            ExternalId = e.ExternalId,
            Title = e.Title,
            Text = e.Text,
        },
        _ => state,
    };
}

/// <summary>What a rationale can cite: a safety requirement or a safety goal above it.</summary>
public static class RequirementKinds
{
    public const string Requirement = "requirement";
    public const string Goal = "goal";

    public static bool IsValid(string? kind) => kind is Requirement or Goal;
}
