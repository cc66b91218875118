using System.Globalization;
using System.Text;

namespace Traceability.Api.Conformance;

/// <summary>The numbers the one-line summary is made of.</summary>
public sealed record ConformanceCounts(bool Pass, CheckPolicy Policy, Findings Found, int Undecided, int Symbols, int Warnings);

/// <summary>
/// The report as a CI log reads it: the summary line, warnings, one line per failure, then what does not
/// fail (suspect decisions when not gated, one line counting the pending ones). The undecided y/m symbols,
/// thousands in a real config, are listed only on request (?listUndecided=true).
/// </summary>
public static class ConformanceText
{
    public static string Summary(string baseline, string sha256, ConformanceCounts c)
    {
        var verdict = (c.Pass ? "PASS" : "FAIL") + (c.Policy.Strict ? " (strict)" : "");
        var warnings = c.Warnings == 0 ? "" : $", {Count(c.Warnings, "warning")}";
        return $"{verdict} {baseline}: {Count(c.Found.Deviations.Count, "deviation")}, {N(c.Found.Missing.Count)} missing, "
            + Gated(c) + $"{N(c.Undecided)} undecided y/m of {N(c.Symbols)} symbols (sha256 {sha256[..8]}){warnings}";
    }

    public static string Render(ConformanceReport report, bool listUndecided)
    {
        var text = new StringBuilder(report.Summary).Append('\n');
        foreach (var w in report.Warnings) text.Append("warning: ").Append(w).Append('\n');
        var rationales = report.Deviations.ToDictionary(d => d.Symbol, d => d.Rationale)
            .Concat(report.Missing.ToDictionary(m => m.Symbol, m => m.Rationale)).ToDictionary(p => p.Key, p => p.Value);
        foreach (var f in report.Failures)
        {
            var rationale = f.Kind is "deviation" or "missing" ? Rationale(rationales.GetValueOrDefault(f.Symbol!)) : "";
            text.Append(f.Symbol is null ? $"{f.Kind}: {OneLine(f.Cause)}" : $"{f.Kind} {f.Symbol}: {OneLine(f.Cause)}{rationale}").Append('\n');
        }
        if (!report.FailOn.Contains(CheckPolicy.Suspect))
        {
            foreach (var s in report.Suspect) text.Append($"suspect (not gated) {s.Symbol}: {OneLine(ConformanceFailures.SuspectCause(s))}\n");
        }
        if (!report.FailOn.Contains(CheckPolicy.Unapproved) && report.Pending.Count > 0)
        {
            text.Append($"not gated: {Count(report.Pending.Count, "proposed or rejected decision")} (failOn=unapproved fails on them; the JSON answer lists them)\n");
        }
        if (listUndecided) Undecided(report.Undecided, text);
        return text.ToString();
    }

    private static void Undecided(UndecidedSymbols undecided, StringBuilder text)
    {
        var proposed = undecided.Proposed.ToHashSet(StringComparer.Ordinal);
        foreach (var u in undecided.Symbols)
            text.Append($"undecided {u}{(proposed.Contains(u) ? " (a decision is proposed)" : "")}\n");
    }

    /// <summary>The counts of the gated categories that found something: what besides deviations and missing failed.</summary>
    private static string Gated(ConformanceCounts c)
    {
        var missing = c.Found.Missing.Select(m => m.Symbol).ToHashSet(StringComparer.Ordinal);
        var parts = new (string Category, int Count)[]
        {
            (CheckPolicy.Suspect, c.Found.Suspect.Count),
            (CheckPolicy.Unapproved, c.Found.Pending.Count),
            (CheckPolicy.SymbolMissing, c.Found.Absent.Count(a => !missing.Contains(a.Symbol))),
        };
        return string.Concat(parts.Where(p => p.Count > 0 && c.Policy.Fails(p.Category)).Select(p => $"{N(p.Count)} {p.Category}, "));
    }

    // Rationales may span lines; a CI log line must not.
    private static string Rationale(string? rationale) =>
        string.IsNullOrWhiteSpace(rationale) ? "" : " — " + OneLine(rationale);

    /// <summary>One line of at most <see cref="MaxText"/> characters: the JSON answer has every word, a log line the gist.</summary>
    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxText ? line : line[..(MaxText - 1)].TrimEnd() + "…";
    }

    private const int MaxText = 240;

    private static string Count(int n, string noun) => $"{N(n)} {noun}{(n == 1 ? "" : "s")}";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
