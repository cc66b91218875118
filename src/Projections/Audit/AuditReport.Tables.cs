using System.Text;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

public static partial class AuditReport
{
    private static void Findings(StringBuilder html, AuditDossier d, List<MatrixRow> undocumented)
    {
        var rows = d.Matrix;
        html.Append("<h2 class=\"section\">Open findings</h2>\n");
        FindingTable(html, "Deviations: the .config differs from the approved value", rows.Where(r => r.Deviation));
        SuspectCauses(html, d);
        FindingTable(html, "Unapproved: proposed or rejected", rows.Where(r => r.Unapproved));
        FindingTable(html, "Symbol missing: decided on, but absent from the .config", rows.Where(r => r.SymbolMissing));
        UndocumentedOverview(html, d, undocumented);
    }

    private static void FindingTable(StringBuilder html, string title, IEnumerable<MatrixRow> found)
    {
        var rows = found.ToList();
        html.Append("<h3>").Append(E(title)).Append(": ").Append(N(rows.Count)).Append("</h3>\n");
        if (rows.Count == 0) return;
        html.Append("<table>\n<thead><tr><th>symbol</th><th>.config</th><th>decided</th><th>status</th><th>last change</th></tr></thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            html.Append("<tr><td class=\"mono\">").Append(E(KconfigSymbol.Display(r.Symbol))).Append("</td><td class=\"mono\">")
                .Append(E(r.ConfigValue ?? "(absent)")).Append("</td><td class=\"mono\">").Append(E(r.DecidedValue)).Append("</td><td>")
                .Append(E(r.Status)).Append(r.Revision is { } rev ? $" (r{N(rev)})" : "").Append("</td><td>")
                .Append(E(r.LastChange?.Actor)).Append(r.LastChange?.Position is { } p ? $", position {N(p)}" : "").Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void DecidedMatrix(StringBuilder html, AuditDossier d)
    {
        var signatures = d.Signatures.ToLookup(s => s.Symbol, StringComparer.Ordinal);
        var decided = d.Matrix.Where(r => r.Status is not null).ToList();
        html.Append("<h2 class=\"section\">Decided symbols: ").Append(N(decided.Count)).Append("</h2>\n<table class=\"decided\">\n")
            .Append("<colgroup><col style=\"width:20%\"><col style=\"width:11%\"><col style=\"width:11%\"><col style=\"width:27%\"><col style=\"width:12%\"><col style=\"width:19%\"></colgroup>\n")
            .Append("<thead><tr><th>symbol</th><th>.config / decided</th><th>status</th><th>rationale</th><th>links</th><th>approval (signature)</th></tr></thead>\n<tbody>\n");
        foreach (var r in decided)
        {
            var symbol = KconfigSymbol.Display(r.Symbol);
            html.Append("<tr><td class=\"mono\">").Append(E(symbol)).Append("</td><td class=\"mono\">").Append(E(r.ConfigValue ?? "(absent)"))
                .Append(" / ").Append(E(r.DecidedValue)).Append("</td><td>").Append(E(r.Status)).Append(" r").Append(N(r.Revision ?? 0))
                .Append(r.Flags.Count == 0 ? "" : $"<br><span class=\"bad\">{E(string.Join(", ", r.Flags))}</span>")
                .Append("</td><td>").Append(E(r.Rationale)).Append("</td><td>").Append(Links(r)).Append("</td><td>");
            foreach (var s in signatures[symbol]) SignatureBlock(html, s);
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Links(MatrixRow r) => string.Join("<br>", new[]
    {
        r.Assumptions.Count == 0 ? null : "AoU: " + E(string.Join(", ", r.Assumptions)),
        r.Features.Count == 0 ? null : "features: " + E(string.Join(", ", r.Features)),
        r.Requirements.Count == 0 ? null : "requirements: " + E(string.Join(", ", r.Requirements)),
        r.EvidenceCount == 0 ? null : "evidence: " + N(r.EvidenceCount),
    }.Where(l => l is not null));

    private static void SignatureBlock(StringBuilder html, Signature s) =>
        html.Append("<div class=\"signature\">r").Append(N(s.Revision))
            .Append(": <span class=\"name\">").Append(E(s.Name)).Append("</span>")
            .Append(s.Role is null ? "" : $" ({E(s.Role)})").Append(", ").Append(E(s.Time)).Append(", position ").Append(N(s.Position))
            .Append("<br><em>").Append(E(s.Meaning)).Append("</em></div>\n");
}
