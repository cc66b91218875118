using System.Globalization;
using Traceability.Api.Matrix;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Web.Baselines;

/// <summary>
/// Coverage at a glance. The bar splits the symbols built in (y or m) into parts that do not overlap:
/// approved and conforming, approved but deviating, decided but not approved yet, undocumented. Suspect
/// and symbol-missing cut across those parts, so they are counted in the legend rather than drawn.
/// Drawn as SVG rectangles (widths are attributes, not inline styles, so the strict CSP holds).
/// </summary>
public static class CoverageBar
{
    public static Html Of(Coverage coverage)
    {
        var builtIn = coverage.BuiltIn;
        var conforming = coverage.ApprovedConforming.Count;
        var deviating = coverage.Approved.Count - conforming;
        var undocumented = coverage.Flags[MatrixFlags.Undocumented].Count;
        var pending = Math.Max(0, builtIn - coverage.Approved.Count - undocumented);
        var parts = new[] { ("approved", conforming), ("deviation", deviating), ("proposed", pending), ("undocumented", undocumented) };
        var label = $"{coverage.Approved.Percent.ToString(CultureInfo.InvariantCulture)}% of {builtIn} built-in symbols approved";
        return Html.Of($"""
            <div class="coverage">
            <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label="{label}">{Rectangles(parts, builtIn)}</svg>
            <ul class="legend">
            {Item("approved", "approved", coverage.Statuses[MatrixRow.Approved].Count)}
            {Item("proposed", "proposed", coverage.Statuses[MatrixRow.Proposed].Count)}
            {Item("suspect", "suspect", coverage.Flags[MatrixFlags.Suspect].Count)}
            {Item("deviation", "deviation", coverage.Flags[MatrixFlags.Deviation].Count)}
            {Item("symbol-missing", "symbol missing", coverage.Flags[MatrixFlags.SymbolMissing].Count)}
            {Item("undocumented", "undocumented built-in", undocumented)}
            </ul>
            </div>
            """);
    }

    private static IEnumerable<Html> Rectangles((string Class, int Count)[] parts, int whole)
    {
        var x = 0;
        foreach (var (css, count) in parts)
        {
            var width = whole == 0 ? 0 : (int)Math.Round(1000.0 * count / whole);
            if (width == 0) continue;
            yield return Html.Of($"""<rect class="{css}" x="{x}" y="0" width="{width}" height="10"><title>{css}: {count}</title></rect>""");
            x += width;
        }
    }

    private static Html Item(string css, string label, int count) =>
        Html.Of($"""<li><span class="swatch {css}"></span>{label} <strong>{count}</strong></li>""");
}
