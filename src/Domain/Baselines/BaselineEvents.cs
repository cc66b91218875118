namespace Traceability.Domain.Baselines;

/// <summary>DerivedFrom is null or the id of the baseline whose decisions were carried forward.</summary>
public sealed record BaselineCreated(string Id, string Platform, string KernelVersion, string Variant, string? DerivedFrom);

/// <summary>
/// One revision of the baseline's resolved .config. Values is the FULL resolved set (symbol without
/// CONFIG_ → value), because unspecified symbols fall to architecture defaults that differ per
/// architecture and kernel version. Architecture and KernelVersion come from the file's header.
/// </summary>
public sealed record ConfigImported(
    string Baseline,
    int Revision,
    string Sha256,
    string? Architecture,
    string? KernelVersion,
    IReadOnlyDictionary<string, string> Values);

public sealed record BaselineFrozen(string Baseline, string Reason);
