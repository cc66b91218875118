using System.Globalization;
using System.Text;

namespace Traceability.Api.Conformance;

/// <summary>The numbers the one-line summary is made of.</summary>
public sealed record ConformanceCounts(bool Pass, bool Strict, int Deviations, int Missing, int Undecided, int Symbols, int Warnings);

/// <summary>The report as a CI log reads it: the summary line, then one line per finding.</summary>
public static class ConformanceText
{
    public static string Summary(string baseline, string sha256, ConformanceCounts c)
    {
        var verdict = (c.Pass ? "PASS" : "FAIL") + (c.Strict ? " (strict)" : "");
        var warnings = c.Warnings == 0 ? "" : $", {Count(c.Warnings, "warning")}";
        return $"{verdict} {baseline}: {Count(c.Deviations, "deviation")}, {N(c.Missing)} missing, "
            + $"{N(c.Undecided)} undecided y/m of {N(c.Symbols)} symbols (sha256 {sha256[..8]}){warnings}";
    }

    public static string Render(ConformanceReport report)
    {
        var text = new StringBuilder(report.Summary).Append('\n');
        foreach (var w in report.Warnings) text.Append("warning: ").Append(w).Append('\n');
        foreach (var d in report.Deviations)
            text.Append($"deviation {d.Symbol}: decided {d.Decided}, actual {d.Actual}{Rationale(d.Rationale)}\n");
        foreach (var m in report.Missing)
            text.Append($"missing {m.Symbol}: decided {m.Decided}, absent from the file{Rationale(m.Rationale)}\n");
        var proposed = report.Undecided.Proposed.ToHashSet(StringComparer.Ordinal);
        foreach (var u in report.Undecided.Symbols)
            text.Append($"undecided {u}{(proposed.Contains(u) ? " (a decision is proposed)" : "")}\n");
        foreach (var p in report.Pending)
            text.Append($"pending {p.Symbol}: {p.Status} {p.Decided}, actual {p.Actual ?? "absent"}\n");
        return text.ToString();
    }

    // Rationales may span lines; a CI log line must not.
    private static string Rationale(string? rationale) =>
        string.IsNullOrWhiteSpace(rationale) ? "" : " — " + string.Join(' ', rationale.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Count(int n, string noun) => $"{N(n)} {noun}{(n == 1 ? "" : "s")}";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
