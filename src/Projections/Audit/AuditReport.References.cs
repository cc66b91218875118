using System.Text;
using System.Text.Json;
using Traceability.Domain.Kconfig;

namespace Traceability.Projections.Audit;

/// <summary>
/// What the decisions rest on, as the assessor must read it (issue 12, item 7): every linked assumption of use
/// with its text and status, every hardware feature with its governing symbols, every requirement with its text,
/// each at the export's position and with its revision.
/// </summary>
public static partial class AuditReport
{
    private static void References(StringBuilder html, AuditDossier d)
    {
        html.Append("<h2 class=\"section\">What the decisions rest on</h2>\n");
        html.Append("<h3>Assumptions of use: ").Append(N(d.Assumptions.Count)).Append("</h3>\n");
        if (d.Assumptions.Count > 0)
        {
            ReferenceTable(html, ["id", "status", "category", "text"], [17, 10, 13, 60], d.Assumptions,
                r => [Status(Text(r.Current, "status")), E(Text(r.Current, "category")), E(Text(r.Current, "text"))]);
        }
        html.Append("<h3>Hardware features: ").Append(N(d.Features.Count)).Append("</h3>\n");
        if (d.Features.Count > 0)
        {
            ReferenceTable(html, ["id", "governing symbols", "protects against", "description"], [17, 22, 24, 37], d.Features,
                r => [Symbols(r.Current), E(Text(r.Current, "protectsAgainst")), E(Text(r.Current, "description"))]);
        }
        html.Append("<h3>Requirements: ").Append(N(d.Requirements.Count)).Append("</h3>\n");
        if (d.Requirements.Count > 0)
        {
            ReferenceTable(html, ["id", "external id", "title", "text"], [22, 12, 22, 44], d.Requirements,
                r => [E(Text(r.Current, "externalId")), E(Text(r.Current, "title")), E(Text(r.Current, "text"))]);
        }
    }

    private static void ReferenceTable(
        StringBuilder html, string[] headers, int[] widths, IReadOnlyList<ReferenceRecord> records, Func<ReferenceRecord, string[]> cells)
    {
        html.Append("<table class=\"refs\">\n<colgroup>");
        foreach (var w in widths) html.Append("<col style=\"width:").Append(N(w)).Append("%\">");
        html.Append("</colgroup>\n<thead><tr>");
        foreach (var h in headers) html.Append("<th>").Append(E(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in records)
        {
            var last = r.History.Count == 0 ? null : r.History[^1];
            html.Append("<tr><td class=\"mono\">").Append(E(r.Id)).Append(" r").Append(N(Number(r.Current, "revision")))
                .Append(last is null ? "" : $"<br><span class=\"muted\">last change position {N(last.Position)}</span>").Append("</td>");
            foreach (var cell in cells(r)) html.Append("<td>").Append(cell).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Status(string status) => status switch
    {
        "agreed" => "<span class=\"ok\">agreed</span>",
        "" => "<span class=\"muted\">unknown</span>",
        _ => $"<span class=\"bad\">{E(status)}</span>",
    };

    private static string Symbols(JsonElement? current) =>
        current is { } c && c.TryGetProperty("governingSymbols", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.GetArrayLength() == 0 ? "<span class=\"muted\">none: no symbol switches it</span>"
                : "<span class=\"mono\">" + E(string.Join(", ", list.EnumerateArray().Select(s => KconfigSymbol.Display(s.GetString() ?? "")))) + "</span>"
            : "";

    internal static string Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? "" : "";

    private static long Number(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var value) && value.TryGetInt64(out var n) ? n : 0;
}
