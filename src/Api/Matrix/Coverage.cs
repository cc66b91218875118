using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>A count and its share of the whole, in percent with one decimal.</summary>
public sealed record Share(int Count, double Percent)
{
    /// <summary>Rounded half away from zero: 3 of 7 is 42.9.</summary>
    public static Share Of(int count, int whole) =>
        new(count, whole == 0 ? 0 : Math.Round(100.0 * count / whole, 1, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Shares of a partition (every row in exactly one part) by the largest-remainder method, in tenths of a
    /// percent: each part is rounded down, and the tenths left over go to the parts that lost the most, so the
    /// parts add up to exactly 100.0 (rounding each alone gives 42.9 + 28.6 + 28.6 = 100.1 for 3, 2, 2 of 7).
    /// </summary>
    public static IReadOnlyList<Share> Partition(IReadOnlyList<int> counts, int whole)
    {
        if (whole == 0) return counts.Select(c => new Share(c, 0)).ToList();
        var exact = counts.Select(c => 1000.0 * c / whole).ToList();
        var tenths = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = 1000 - tenths.Sum();
        foreach (var i in Enumerable.Range(0, counts.Count).OrderByDescending(i => exact[i] - tenths[i]).ThenBy(i => i).Take(left)) tenths[i]++;
        return counts.Select((c, i) => new Share(c, tenths[i] / 10.0)).ToList();
    }
}

/// <summary>
/// How much of a baseline is argued for. Flags and statuses are shares of all rows; Approved and
/// ApprovedConforming are shares of the symbols built in (y or m): approved at all, and approved with
/// the .config holding the approved value (no deviation). Statuses partition the rows, so their shares
/// add up to exactly 100.0 (<see cref="Share.Partition"/>); a row may carry several flags or none.
/// </summary>
public sealed record Coverage(
    string Baseline,
    long AsOfPosition,
    int Total,
    int BuiltIn,
    Share Approved,
    Share ApprovedConforming,
    IReadOnlyDictionary<string, Share> Flags,
    IReadOnlyDictionary<string, Share> Statuses)
{
    /// <summary>From the rows, with MatrixRow's own flag definitions, for the live and the as-of matrix alike.</summary>
    public static Coverage From(string baseline, long position, IReadOnlyList<MatrixRow> rows)
    {
        var total = rows.Count;
        var builtIn = rows.Where(r => r.ConfigValue is "y" or "m").ToList();
        var approved = builtIn.Where(r => r.Status == MatrixRow.Approved).ToList();
        var flags = MatrixFlags.All.ToDictionary(f => f, f => Share.Of(rows.Count(r => r.Flags.Contains(f)), total));
        var statusShares = Share.Partition(MatrixQuery.StatusValues.Select(s => rows.Count(r => (r.Status ?? MatrixQuery.NoStatus) == s)).ToList(), total);
        var statuses = MatrixQuery.StatusValues.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => statusShares[x.i]);
        return new Coverage(baseline, position, total, builtIn.Count, Share.Of(approved.Count, builtIn.Count),
            Share.Of(approved.Count(r => !r.Deviation), builtIn.Count), flags, statuses);
    }
}
