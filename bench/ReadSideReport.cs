using System.Globalization;
using System.Text;

namespace Traceability.Bench;

/// <summary>The read-side table: p50 and p95 of each case against the issue's target.</summary>
public static class ReadSideReport
{
    public static string ToMarkdown(IReadOnlyList<Timings> cases, string over = "HTTP, real linux-6.12.arm64 config")
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| read side ({over}) | samples | p50 | p95 | target (p95) | met? |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var c in cases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Case} | {c.Samples.Count} | {Ms(c.P50)} | {Ms(c.P95)} | ≤ {Ms(c.Target)} | {(c.Met ? "yes" : "**no**")} |");
        }
        return text.ToString();
    }

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:N1} ms");
}
