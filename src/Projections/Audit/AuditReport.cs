using System.Globalization;
using System.Net;
using System.Text;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>
/// report.html: the export for people. One self-contained page (inline CSS, no script, no external
/// resource) laid out for A4 (<see cref="Css"/>). It shows what an assessor certifies against: the findings with
/// why each decision is suspect, what the decisions rest on (assumptions of use with text and status, features,
/// requirements), every evidence outcome and reconfirmation, the decided symbols with their signatures, and every
/// undocumented symbol grouped so it can be read (issue 12, item 7). Everything comes from the dossier, itself
/// folded from the events the export carries: the verifier rebuilds these bytes.
/// </summary>
public static partial class AuditReport
{
    public static byte[] Html(AuditDossier d)
    {
        var undocumented = d.Matrix.Where(r => r.Undocumented).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Audit report: ").Append(E(d.Baseline.Id)).Append(" as of position ").Append(N(d.AsOfPosition)).Append("</title>\n")
            .Append("<style>").Append(Css).Append(PageHeader(d)).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Audit report: baseline ").Append(E(d.Baseline.Id)).Append("</h1>\n");
        Facts(html, d);
        Summary(html, d.Matrix);
        Findings(html, d, undocumented);
        References(html, d);
        Evidence(html, d);
        DecidedMatrix(html, d);
        UndocumentedAppendix(html, d, undocumented);
        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Facts(StringBuilder html, AuditDossier d)
    {
        var b = d.Baseline;
        html.Append("<table class=\"facts\">\n<tbody>\n");
        Fact(html, "Baseline", E(b.Id));
        Fact(html, "Platform", E(b.Platform));
        Fact(html, "Kernel version", E(b.KernelVersion));
        Fact(html, "Variant", E(b.Variant));
        Fact(html, "Derived from", b.DerivedFrom is null ? "<span class=\"muted\">none</span>" : E(b.DerivedFrom));
        Fact(html, "Frozen", b.Frozen ? "yes" : "no");
        Fact(html, "Imported .config", b.ConfigSha256 is null ? "<span class=\"muted\">none</span>"
            : $"revision {N(b.ConfigRevision)}, SHA-256 <code>{E(b.ConfigSha256)}</code>");
        Fact(html, "Kconfig catalog", d.Catalog is { } c
            ? $"{E(c.KernelVersion)}/{E(c.Architecture)} ({N(c.Symbols.Count)} symbols, built from {E(c.Source)}), carried in events.jsonl"
            : "<span class=\"muted\">none in the log for this kernel and architecture</span>");
        Fact(html, "As of", $"log position {N(d.AsOfPosition)}, sealed {E(d.AsOfTime)}");
        Fact(html, "Chain link at that position", $"<code>{E(d.ChainHead)}</code>");
        Fact(html, "Generator", $"{E(Manifest.ThisGenerator.Name)} {E(Manifest.ThisGenerator.Version)}");
        html.Append("</tbody>\n</table>\n<p class=\"muted\">Check this report's export offline: <code>verify-export</code> recomputes every file from the events, the chain from position 1 and the service\u2019s signature on every event (see the service's README).</p>\n");
    }

    private static void Fact(StringBuilder html, string name, string valueHtml) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

    /// <summary>
    /// Printed pages say what they belong to and where they stand; a page that defines a margin box also
    /// keeps the browser's own date, title and path header off the print.
    /// </summary>
    private static string PageHeader(AuditDossier d) =>
        $"@page {{ @top-left {{ content: \"Audit report: baseline {CssText(d.Baseline.Id)}\"; }} @top-right {{ content: \"as of log position {N(d.AsOfPosition)}\"; }} }}\n";

    /// <summary>Anything but letters, digits, '-' and '.' as a CSS escape: a baseline id cannot end the string or the style block.</summary>
    private static string CssText(string text) => string.Concat(text.Select(c =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c.ToString() : $"\\{(int)c:x6}"));

    private static void Summary(StringBuilder html, IReadOnlyList<MatrixRow> rows)
    {
        var builtIn = rows.Where(r => r.ConfigValue is "y" or "m").ToList();
        var approved = builtIn.Count(r => r.Status == MatrixRow.Approved);
        html.Append("<h2>Summary and coverage</h2>\n<table>\n<thead><tr><th>measure</th><th>count</th><th>share</th></tr></thead>\n<tbody>\n");
        Measure(html, "symbols in the matrix", rows.Count, null);
        Measure(html, "built in (y or m)", builtIn.Count, null);
        Measure(html, "built in and approved", approved, Percent(approved, builtIn.Count) + " of built in");
        Measure(html, "built in, approved, config as approved", builtIn.Count(r => r.Status == MatrixRow.Approved && !r.Deviation),
            Percent(builtIn.Count(r => r.Status == MatrixRow.Approved && !r.Deviation), builtIn.Count) + " of built in");
        foreach (var flag in MatrixFlags.All) Measure(html, "flag: " + flag, rows.Count(r => r.Flags.Contains(flag)), null);
        foreach (var status in new[] { MatrixRow.Proposed, MatrixRow.Approved, MatrixRow.Rejected, MatrixRow.Withdrawn })
            Measure(html, "status: " + status, rows.Count(r => r.Status == status), null);
        Measure(html, "status: none", rows.Count(r => r.Status is null), null);
        html.Append("</tbody>\n</table>\n");
    }

    private static void Measure(StringBuilder html, string name, int count, string? share) =>
        html.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(N(count)).Append("</td><td>").Append(E(share ?? "")).Append("</td></tr>\n");

    private static string Percent(int count, int whole) =>
        whole == 0 ? "0.0 %" : (100.0 * count / whole).ToString("0.0#", CultureInfo.InvariantCulture) + " %";

    /// <summary>Every value from the log is escaped; nothing a user typed reaches the page as markup.</summary>
    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    internal static string N(long number) => number.ToString(CultureInfo.InvariantCulture);
}
