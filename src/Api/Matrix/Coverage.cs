using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>A count and its share of the whole, in percent with one decimal.</summary>
public sealed record Share(int Count, double Percent)
{
    public static Share Of(int count, int whole) =>
        new(count, whole == 0 ? 0 : Math.Round(100.0 * count / whole, 1, MidpointRounding.AwayFromZero));
}

/// <summary>
/// How much of a baseline is argued for. Flags and statuses are shares of all rows; Approved and
/// ApprovedConforming are shares of the symbols built in (y or m): approved at all, and approved with
/// the .config holding the approved value (no deviation).
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
        var statuses = MatrixQuery.StatusValues.ToDictionary(
            s => s, s => Share.Of(rows.Count(r => (r.Status ?? MatrixQuery.NoStatus) == s), total));
        return new Coverage(baseline, position, total, builtIn.Count, Share.Of(approved.Count, builtIn.Count),
            Share.Of(approved.Count(r => !r.Deviation), builtIn.Count), flags, statuses);
    }
}
