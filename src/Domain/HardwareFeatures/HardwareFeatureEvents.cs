namespace Traceability.Domain.HardwareFeatures;

/// <summary>
/// A protection capability (arm64-pan). GoverningSymbols are normalized (no CONFIG_); an empty
/// list records that no symbol switches it (x86 SMEP is used whenever the CPU has it).
/// Availability maps platform id to available | unavailable | unknown.
/// </summary>
public sealed record HardwareFeatureRegistered(
    string Id,
    string Name,
    string Architecture,
    string ProtectsAgainst,
    string Description,
    IReadOnlyList<string> GoverningSymbols,
    IReadOnlyDictionary<string, string> Availability);

public sealed record HardwareFeatureRevised(
    string Id,
    int Revision,
    string Description,
    string ProtectsAgainst,
    IReadOnlyList<string> GoverningSymbols,
    IReadOnlyDictionary<string, string> Availability,
    string Reason);
