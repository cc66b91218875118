using Traceability.Api.Matrix;
using MatrixAnswer = Traceability.Api.Matrix.MatrixPage;

namespace Traceability.Api.Web.Matrix;

/// <summary>One page of rows: symbol, config value, decided value, status, flags, links, last change; and the pager.</summary>
public static class MatrixTable
{
    public static Html Render(string baseline, MatrixAnswer page, MatrixFilter filter, string path)
    {
        var first = page.Total == 0 ? 0 : ((page.Page - 1) * page.PageSize) + 1;
        var last = Math.Min(page.Total, page.Page * page.PageSize);
        return Html.Of($"""
            <p class="count" role="status">Rows {first}–{last} of {page.Total}</p>
            <table class="matrix">
            <caption class="visually-hidden">Traceability matrix of {baseline}</caption>
            <thead><tr><th scope="col">Symbol</th><th scope="col">Config</th><th scope="col">Decided</th><th scope="col">Status</th>
            <th scope="col">Flags</th><th scope="col">Links</th><th scope="col">Last change</th></tr></thead>
            <tbody>{page.Rows.Select(r => Row(baseline, r, filter))}</tbody>
            </table>
            {Pager(page, filter, path)}
            """);
    }

    private static Html Row(string baseline, MatrixRowView row, MatrixFilter filter) => Html.Of($"""
        <tr class="{(row.Flags.Count == 0 ? "" : string.Join(' ', row.Flags))}">
        <th scope="row">{Symbol(baseline, row, filter)}{(row.Prompt is null ? Html.Empty : Html.Of($"<br><small class=\"muted\">{row.Prompt}</small>"))}</th>
        <td>{Widgets.Value(row.ConfigValue)}</td>
        <td>{(row.DecidedValue is null ? Html.Empty : Html.Of($"<code>{row.DecidedValue}</code>"))}</td>
        <td>{Widgets.Status(row.Status)}{(row.Revision is { } r ? Html.Of($" <small>r{r}</small>") : Html.Empty)}</td>
        <td>{Widgets.Flags(row.Flags)}</td>
        <td>{Links(row)}</td>
        <td><small>{row.LastChange.Actor}<br>{Widgets.Time(row.LastChange.Time)}</small></td>
        </tr>
        """);

    /// <summary>A decided symbol links to its decision; in history the link keeps the moment.</summary>
    private static Html Symbol(string baseline, MatrixRowView row, MatrixFilter filter) => row.Status is null
        ? Html.Of($"<code>{row.Symbol}</code>")
        : Html.Of($"""<a href="{Href.With(Href.To("baselines", baseline, "decisions", Widgets.Bare(row.Symbol)), ("asOf", filter.AsOf))}"><code>{row.Symbol}</code></a>""");

    private static Html Links(MatrixRowView row) => Html.Join(
        row.Assumptions.Select(a => Html.Of($"""<a class="tag" href="{Href.To("assumptions", a)}">{a}</a> """))
            .Concat(row.Features.Select(f => Html.Of($"""<a class="tag" href="{Href.To("features", f)}">{f}</a> """)))
            .Concat(row.Requirements.Select(q => Html.Of($"""<a class="tag" href="{Href.To("requirements", q)}">{q}</a> """)))
            .Append(row.EvidenceCount == 0 ? Html.Empty : Html.Of($"""<span class="tag">{row.EvidenceCount} evidence</span>""")));

    private static Html Pager(MatrixAnswer page, MatrixFilter filter, string path)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(page.Total / (double)page.PageSize));
        Html Link(int target, string label, string rel) => target < 1 || target > pages || target == page.Page
            ? Html.Of($"""<span class="disabled">{label}</span>""")
            : Html.Of($"""<a rel="{rel}" href="{(filter with { Page = target }).Query(path)}">{label}</a>""");
        return Html.Of($"""
            <nav class="pager" aria-label="Matrix pages">{Link(1, "« First", "first")} {Link(page.Page - 1, "‹ Previous", "prev")}
            <span>Page {page.Page} of {pages}</span> {Link(page.Page + 1, "Next ›", "next")} {Link(pages, "Last »", "last")}</nav>
            """);
    }
}
