using System.Globalization;
using System.Text;

namespace Traceability.Bench.Load;

/// <summary>The Markdown report of a load run: throughput, latency per operation, status codes, checks.</summary>
public static class LoadReport
{
    public static string ToMarkdown(MachineFacts facts, LoadOptions options, int symbols, LoadStats stats, TimeSpan elapsed, IReadOnlyList<LoadCheck> checks)
    {
        var text = new StringBuilder();
        var seconds = elapsed.TotalSeconds;
        text.AppendLine(facts.ToMarkdown());
        Line(text, $"- load: {options.Clients} clients for {seconds:N1} s on {symbols} shared symbols of baseline `{LoadArrange.Baseline}` (real linux-6.1.arm64 config)");
        text.AppendLine();
        text.AppendLine("| throughput | total | per second |");
        text.AppendLine("|---|---:|---:|");
        Line(text, $"| requests | {stats.Requests:N0} | {stats.Requests / seconds:N0} |");
        Line(text, $"| acknowledged writes (2xx propose, revise, approve) | {stats.Acknowledged.Count:N0} | {stats.Acknowledged.Count / seconds:N0} |");
        text.AppendLine();
        text.AppendLine("| operation | requests | p50 | p95 | p99 |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (operation, count, p50, p95, p99) in stats.Percentiles())
            Line(text, $"| {operation} | {count:N0} | {p50:N1} ms | {p95:N1} ms | {p99:N1} ms |");
        text.AppendLine();
        text.AppendLine("| operation | status | count |");
        text.AppendLine("|---|---:|---:|");
        foreach (var ((operation, status), count) in stats.Statuses.OrderBy(s => s.Key.Operation, StringComparer.Ordinal).ThenBy(s => s.Key.Status))
            Line(text, $"| {operation} | {status} | {count:N0} |");
        text.AppendLine();
        text.AppendLine("| check | result | detail |");
        text.AppendLine("|---|---|---|");
        foreach (var check in checks) Line(text, $"| {check.Name} | {(check.Passed ? "pass" : "**FAIL**")} | {check.Detail} |");
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
