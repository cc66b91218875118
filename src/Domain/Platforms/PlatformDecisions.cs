namespace Traceability.Domain.Platforms;

public static class PlatformDecisions
{
    /// <summary>Platforms are registered once; a different target is a different platform id.</summary>
    public static PlatformRegistered Register(
        Platform? state,
        string id,
        string architecture,
        string machine,
        IReadOnlyList<string>? isaExtensions,
        string? firmware,
        string? hypervisor,
        IReadOnlyList<string>? exceptionLevels,
        string? description)
    {
        Require.Rule(state is null, $"Platform '{id}' is already registered.");
        if (!Architectures.IsValid(architecture))
        {
            throw new ArgumentException(
                $"Architecture must be one of {string.Join(", ", Architectures.All)}.", nameof(architecture));
        }
        return new PlatformRegistered(
            Ids.RequireSlug(id, nameof(id)),
            architecture,
            Require.NotBlank(machine, nameof(machine)),
            Require.List(isaExtensions),
            Blank(firmware),
            Blank(hypervisor),
            Require.List(exceptionLevels),
            description?.Trim() ?? "");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
