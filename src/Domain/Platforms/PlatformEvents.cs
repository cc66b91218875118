namespace Traceability.Domain.Platforms;

/// <summary>A target hardware/VM was fixed; no configuration can be judged before this.</summary>
public sealed record PlatformRegistered(
    string Id,
    string Architecture,
    string Machine,
    IReadOnlyList<string> IsaExtensions,
    string? Firmware,
    string? Hypervisor,
    IReadOnlyList<string> ExceptionLevels,
    string Description);
