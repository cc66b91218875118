using System.Text.RegularExpressions;

namespace Traceability.Domain.Baselines;

/// <summary>
/// A kernel's series is its major.minor ("6.12" of "6.12.117" or "6.13.0-rc1"): symbols, defaults and
/// Kconfig files change between series, while stable updates within one (6.12.5 → 6.12.117) do not
/// rename or remove symbols, so configs and catalogs are matched by series.
/// </summary>
public static partial class KernelSeries
{
    /// <summary>Null when the version does not start with major.minor.</summary>
    public static string? Of(string? version)
    {
        var match = SeriesPrefix().Match(version ?? "");
        return match.Success ? match.Value : null;
    }

    /// <summary>Versions without a series (e.g. "6") are the same only when equal.</summary>
    public static bool Same(string a, string b) =>
        Of(a) is { } series ? series == Of(b) : string.Equals(a, b, StringComparison.Ordinal);

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(?![0-9])")]
    private static partial Regex SeriesPrefix();
}
