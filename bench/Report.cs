using System.Globalization;
using System.Text;

namespace Traceability.Bench;

/// <summary>The write-side table: every rate beside the plain-INSERT limit and stock Marten, both measured in the same run.</summary>
public sealed class Report
{
    /// <summary>From issue 10: at 16 writers ours keeps ≥ 0.3 of plain and ≥ 0.8 of stock Marten; bulk ≥ 0.5 of plain.</summary>
    public const double PlainTargetRatio = 0.3;
    public const double MartenTargetRatio = 0.8;
    public const double BulkTargetRatio = 0.5;
    private readonly StringBuilder _rows = new();

    public bool AllTargetsMet { get; private set; } = true;

    public void AddSingle(Measurement ours, Measurement marten, Measurement plain)
    {
        var (toPlain, toMarten) = (ours.EventsPerSecond / plain.EventsPerSecond, ours.EventsPerSecond / marten.EventsPerSecond);
        var target = "—";
        if (ours.Writers == 16)
        {
            var met = toPlain >= PlainTargetRatio && toMarten >= MartenTargetRatio;
            AllTargetsMet &= met;
            target = met ? "yes (≥ 0.3 of plain, ≥ 0.8 of Marten)" : "**no** (needs ≥ 0.3 of plain and ≥ 0.8 of Marten)";
        }
        Row($"{ours.Case}, {ours.Writers} writer(s)", ours.EventsPerSecond, Format(toPlain), Format(toMarten), target);
        Row($"{marten.Case}, {marten.Writers} writer(s)", marten.EventsPerSecond, Format(marten.EventsPerSecond / plain.EventsPerSecond), "1.00 (peer)", "—");
        Row($"{plain.Case}, {plain.Writers} writer(s)", plain.EventsPerSecond, "1.00 (limit)", "—", "—");
    }

    public void AddBulk(int size, List<TimeSpan> ours, List<TimeSpan> marten, List<TimeSpan> plain)
    {
        // Judged on the median, so one lucky run cannot meet the target.
        var (o, m, p) = (Rate(size, Median(ours)), Rate(size, Median(marten)), Rate(size, Median(plain)));
        var met = o / p >= BulkTargetRatio;
        AllTargetsMet &= met;
        Row($"ours, bulk {size:N0} in one append (10 streams), median of {ours.Count}", o, Format(o / p), Format(o / m),
            met ? "yes (≥ 0.5 of plain)" : "**no** (< 0.5 of plain)");
        Row($"stock Marten, bulk {size:N0} in one SaveChanges (10 streams), median of {marten.Count}", m, Format(m / p), "1.00 (peer)", "—");
        Row($"plain unnest INSERT, bulk {size:N0}, median of {plain.Count}", p, "1.00 (limit)", "—", "—");
        Row($"(best runs: ours {Rate(size, ours.Min()):N0}, Marten {Rate(size, marten.Min()):N0}, plain {Rate(size, plain.Min()):N0})", double.NaN, "", "", "");
    }

    /// <summary>A diagnostic row, never a target.</summary>
    public void AddDiagnostic(Measurement measured) =>
        Row($"{measured.Case}, {measured.Writers} writer(s)", measured.EventsPerSecond, "", "", "—");

    /// <summary>A diagnostic row, never a target: the same bulk appends while the sealer is paused.</summary>
    public void AddBulkWithoutSealer(int size, List<TimeSpan> ours, List<TimeSpan> plain)
    {
        var (o, p) = (Rate(size, Median(ours)), Rate(size, Median(plain)));
        Row($"(diagnostic) ours, bulk {size:N0}, sealer paused, median of {ours.Count}", o, Format(o / p), "", "—");
    }

    public string ToMarkdown() =>
        "| case | events/s | to plain (limit) | to stock Marten (peer) | target met? |\n|---|---:|---:|---:|---|\n" + _rows;

    private void Row(string name, double rate, string toPlain, string toMarten, string target) =>
        _rows.Append(CultureInfo.InvariantCulture, $"| {name} | {(double.IsNaN(rate) ? "" : rate.ToString("N0", CultureInfo.InvariantCulture))} | {toPlain} | {toMarten} | {target} |\n");

    private static string Format(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Rate(int size, TimeSpan elapsed) => size / elapsed.TotalSeconds;

    private static TimeSpan Median(List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
