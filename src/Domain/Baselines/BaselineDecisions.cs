using Traceability.Domain.Kconfig;
using Traceability.Domain.Platforms;

namespace Traceability.Domain.Baselines;

public static class BaselineDecisions
{
    /// <summary>derivedFrom is the source baseline when deriving (6.1 → 6.12); the caller then carries its decisions forward.</summary>
    public static BaselineCreated Create(
        Baseline? state, string id, string platform, string kernelVersion, string variant, Baseline? derivedFrom = null)
    {
        Require.Rule(state is null, $"Baseline '{id}' already exists.");
        Require.Rule(derivedFrom is null || derivedFrom.Id != id, "A baseline cannot be derived from itself.");
        if (!IsKernelVersion(kernelVersion))
        {
            throw new ArgumentException($"'{kernelVersion}' is not a kernel version such as 6.12.117.", nameof(kernelVersion));
        }
        return new BaselineCreated(
            Ids.RequireSlug(id, nameof(id)),
            Ids.RequireSlug(platform, nameof(platform)),
            kernelVersion,
            Require.NotBlank(variant, nameof(variant)),
            derivedFrom?.Id);
    }

    /// <summary>
    /// Records a parsed .config. Null means "nothing to record": the file is byte-identical to the
    /// latest import, and a duplicate revision would make the history lie about what changed.
    /// A header naming another architecture or kernel series is refused unless forced: the caller
    /// records the force reason with the event.
    /// </summary>
    public static ConfigImported? Import(
        Baseline state,
        string platformArchitecture,
        string sha256,
        string? architecture,
        string? kernelVersion,
        IReadOnlyDictionary<string, string> values,
        bool forced = false)
    {
        EnsureOpen(state);
        var hash = NormalizeSha256(sha256);
        if (hash == state.LatestSha256) return null;
        if (!forced) EnsureHeaderFits(state, platformArchitecture, architecture, kernelVersion);
        return new ConfigImported(state.Id, state.ConfigRevision + 1, hash, architecture, kernelVersion, CheckValues(values));
    }

    private const string HowToForce = "send force=true with a forceReason to import it anyway";

    private static void EnsureHeaderFits(Baseline state, string platformArchitecture, string? architecture, string? kernelVersion)
    {
        Require.Rule(architecture is null || Architectures.MatchesConfigHeader(platformArchitecture, architecture),
            $"A config for '{architecture}' does not fit platform '{state.Platform}' ({platformArchitecture}); {HowToForce}.");
        Require.Rule(kernelVersion is null || KernelSeries.Same(kernelVersion, state.KernelVersion),
            $"The .config is for kernel {kernelVersion} ({KernelSeries.Of(kernelVersion) ?? kernelVersion}), baseline '{state.Id}' is kernel "
            + $"{state.KernelVersion} ({KernelSeries.Of(state.KernelVersion) ?? state.KernelVersion}): import it into a baseline of "
            + $"its kernel (derive one), or {HowToForce}.");
    }

    public static BaselineFrozen Freeze(Baseline state, string? reason)
    {
        EnsureOpen(state);
        return new BaselineFrozen(state.Id, Require.Text(reason, "reason for freezing"));
    }

    /// <summary>A frozen baseline is under certification: neither its config nor its decisions may change.
    /// Decision handlers call this with the decision's baseline before deciding.</summary>
    public static void EnsureOpen(Baseline state) =>
        Require.Rule(!state.Frozen, $"Baseline '{state.Id}' is frozen and takes no changes.");

    private static bool IsKernelVersion(string? version) =>
        !string.IsNullOrEmpty(version) && version.Length <= 64 && char.IsAsciiDigit(version[0])
        && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '_');

    private static string NormalizeSha256(string sha256) =>
        sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigit)
            ? sha256.ToLowerInvariant()
            : throw new ArgumentException("Sha256 must be 64 hex digits.", nameof(sha256));

    /// <summary>Sorted by symbol so equal configs serialize to equal JSON.</summary>
    private static SortedDictionary<string, string> CheckValues(IReadOnlyDictionary<string, string> values)
    {
        var checkedValues = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var symbol = KconfigSymbol.Normalize(name)
                ?? throw new ArgumentException($"'{name}' is not a Kconfig symbol.", nameof(values));
            if (!ConfigValue.IsValid(value))
            {
                throw new ArgumentException($"{name}={value} is not a .config value.", nameof(values));
            }
            checkedValues[symbol] = value;
        }
        return checkedValues;
    }
}
