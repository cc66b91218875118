namespace Traceability.Domain.HardwareFeatures;

public sealed record HardwareFeature(
    string Id,
    int Revision,
    string Description,
    string ProtectsAgainst,
    IReadOnlyList<string> GoverningSymbols,
    IReadOnlyDictionary<string, string> Availability)
{
    public static string StreamId(string id) => $"feature/{id}";

    public static HardwareFeature? Evolve(HardwareFeature? state, object @event) => @event switch
    {
        HardwareFeatureRegistered e =>
            new HardwareFeature(e.Id, 1, e.Description, e.ProtectsAgainst, e.GoverningSymbols, e.Availability),
        HardwareFeatureRevised e when state is not null => state with
        {
            Revision = e.Revision,
            Description = e.Description,
            ProtectsAgainst = e.ProtectsAgainst,
            GoverningSymbols = e.GoverningSymbols,
            Availability = e.Availability,
        },
        _ => state,
    };
}

/// <summary>The values HardwareFeature.Availability may hold per platform.</summary>
public static class Availability
{
    public const string Available = "available";
    public const string Unavailable = "unavailable";
    public const string Unknown = "unknown";

    public static bool IsValid(string? value) => value is Available or Unavailable or Unknown;
}
