using System.Text;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>
/// The undocumented symbols, all of them (issue 12, item 7): counted per group among the findings, listed in full
/// in the appendix, one collapsible block per group on screen, every block printed open.
/// </summary>
public static partial class AuditReport
{
    private static void UndocumentedOverview(StringBuilder html, AuditDossier d, List<MatrixRow> undocumented)
    {
        html.Append("<h3>Undocumented: built in (y or m) without a decision: ").Append(N(undocumented.Count)).Append("</h3>\n");
        if (undocumented.Count == 0) return;
        var groups = UndocumentedGroups.Of(undocumented, d.Catalog);
        html.Append("<p>All ").Append(N(undocumented.Count)).Append(" are listed in the appendix, ").Append(GroupedBy(d))
            .Append(" (matrix.csv has them too).</p>\n<table class=\"groups\">\n<thead><tr><th>")
            .Append(d.Catalog is null ? "name prefix" : "Kconfig menu").Append("</th><th>symbols</th><th>")
            .Append(d.Catalog is null ? "share" : "Kconfig directories").Append("</th></tr></thead>\n<tbody>\n");
        foreach (var g in groups)
        {
            html.Append("<tr><td>").Append(E(g.Name)).Append("</td><td class=\"count\">").Append(N(g.Count)).Append("</td><td>")
                .Append(d.Catalog is null ? E(Percent(g.Count, undocumented.Count)) : N(g.Places.Count)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string GroupedBy(AuditDossier d) => d.Catalog is { } c
        ? $"grouped by the top-level Kconfig menu of their first definition, then by the directory of its Kconfig file, from the Kconfig catalog {E(c.KernelVersion)}/{E(c.Architecture)} that events.jsonl carries"
        : "grouped by the first word of their name, as the log holds no Kconfig catalog of this baseline's kernel and architecture";

    private static void UndocumentedAppendix(StringBuilder html, AuditDossier d, List<MatrixRow> undocumented)
    {
        if (undocumented.Count == 0) return;
        html.Append("<h2 class=\"section\">Appendix: the ").Append(N(undocumented.Count)).Append(" undocumented symbols</h2>\n<p class=\"muted\">Built in (y or m) without a decision, ")
            .Append(GroupedBy(d)).Append("; names without their <code>CONFIG_</code> prefix, with the .config value. Each group opens on a click; printed, all are open.</p>\n");
        foreach (var g in UndocumentedGroups.Of(undocumented, d.Catalog))
        {
            html.Append("<details class=\"group\"><summary>").Append(E(g.Name)).Append(": ").Append(N(g.Count)).Append(g.Count == 1 ? " symbol" : " symbols")
                .Append("</summary>\n<ul class=\"symbols mono\">\n");
            foreach (var place in g.Places)
            {
                if (place.Name.Length > 0) html.Append("<li class=\"place\">").Append(E(place.Name)).Append(" (").Append(N(place.Rows.Count)).Append(")</li>\n");
                foreach (var row in place.Rows) html.Append("<li>").Append(E(row.Symbol)).Append('=').Append(E(row.ConfigValue)).Append("</li>\n");
            }
            html.Append("</ul>\n</details>\n");
        }
    }
}
