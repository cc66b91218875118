using System.Globalization;
using System.Net;
using System.Text;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>
/// report.html: the export for people. One self-contained page (inline CSS, no script, no external
/// resource) laid out for A4: headers repeat on every page and no table row is cut in two.
/// </summary>
public static partial class AuditReport
{
    public const int UndocumentedListed = 200;

    public static byte[] Html(AuditDossier d)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Audit report: ").Append(E(d.Baseline.Id)).Append(" as of position ").Append(N(d.AsOfPosition)).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Audit report: baseline ").Append(E(d.Baseline.Id)).Append("</h1>\n");
        Facts(html, d);
        Summary(html, d.Matrix);
        Findings(html, d.Matrix);
        DecidedMatrix(html, d);
        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private const string Css = """

        @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; margin: 0 auto; max-width: 190mm; line-height: 1.35; }
        h1 { font-size: 17pt; margin: 0 0 4mm; } h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
        thead { display: table-header-group; } tr, .signature { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        td.mono { overflow-wrap: anywhere; } table.decided { table-layout: fixed; }
        th { background: #eee; font-weight: 600; } table.facts th { width: 32%; }
        code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; }
        .ok { color: #1a6b2a; } .bad { color: #a11; font-weight: 600; } .muted { color: #555; }
        .signature { border: 1px solid #777; border-left: 4px solid #1a6b2a; padding: 1mm 2mm; margin: 1mm 0; }
        .signature .name { font-weight: 600; } ul.symbols { columns: 3; column-gap: 6mm; margin: 0; padding-left: 5mm; }
        ul.symbols li { overflow-wrap: anywhere; break-inside: avoid; }

        """;

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
        Fact(html, "As of", $"log position {N(d.AsOfPosition)}, sealed {E(d.AsOfTime)}");
        Fact(html, "Chain link at that position", $"<code>{E(d.ChainHead)}</code>");
        Fact(html, "Generator", $"{E(Manifest.ThisGenerator.Name)} {E(Manifest.ThisGenerator.Version)}");
        html.Append("</tbody>\n</table>\n<p class=\"muted\">Check this report's export offline: <code>verify-export</code> recomputes every file from the events, the chain from position 1 and the service\u2019s signature on every event (see the service's README).</p>\n");
    }

    private static void Fact(StringBuilder html, string name, string valueHtml) =>
        html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");

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
