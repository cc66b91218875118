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

    /// <summary>
    /// Which of several catalogs of a series a baseline is offered: one recorded for the series itself
    /// ("6.12") first, then the highest release (6.12.117 before 6.12.9), then by name.
    /// </summary>
    public static IReadOnlyList<string> Preferred(IEnumerable<string> versions) =>
        versions.OrderByDescending(v => Of(v) == v).ThenByDescending(Numbers, NumbersComparer.Instance).ThenBy(v => v, StringComparer.Ordinal).ToList();

    private static long[] Numbers(string version) =>
        NumberPart().Matches(version).Select(m => long.TryParse(m.Value, out var n) ? n : long.MaxValue).ToArray();

    private sealed class NumbersComparer : IComparer<long[]>
    {
        public static NumbersComparer Instance { get; } = new();

        public int Compare(long[]? x, long[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            }
            return x.Length.CompareTo(y.Length);
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex NumberPart();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(?![0-9])")]
    private static partial Regex SeriesPrefix();
}
