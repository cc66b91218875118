using Traceability.Api.Baselines;
using Traceability.Api.Diff;

namespace Traceability.Api.Web.Diff;

/// <summary>
/// GET /diff?a=&amp;b=[&amp;fromRevision=&amp;toRevision=]: symbols added, removed and changed between two baselines'
/// imports (or two imports of one baseline). Changes that touch a decision come first, in a table; the rest
/// are listed compactly, folded (a 6.1 → 6.12 upgrade adds over a thousand symbols).
/// </summary>
public static class DiffPage
{
    public static async Task<IResult> Show(string? a, string? b, string? fromRevision, string? toRevision, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var api = apis.For(context);
        var baselines = (await api.GetAsync<IReadOnlyList<BaselineView>>("/api/baselines", ct)).OrThrow().Select(x => x.Id).ToList();
        ApiResponse<BaselineDiffResponse>? diff = a is null || b is null ? null : await api.GetAsync<BaselineDiffResponse>(
            Href.With(Href.To("api", "baselines", a, "diff", b), ("fromRevision", fromRevision), ("toRevision", toRevision)), ct);
        return Layout.Render(context, new Page("Diff", Html.Of($"""
            <h1>Diff between baselines or imports</h1>
            <form method="get" action="/diff" class="form-card wide filters">
            {Widgets.Problem(diff?.Problem)}
            <div class="filter-fields">
            {FormFields.Select("diff", "a", "From baseline", a, baselines, diff?.Problem)}
            {FormFields.Text("diff", "fromRevision", "From import revision", fromRevision, diff?.Problem, hint: "empty for the latest")}
            {FormFields.Select("diff", "b", "To baseline", b, baselines, diff?.Problem)}
            {FormFields.Text("diff", "toRevision", "To import revision", toRevision, diff?.Problem, hint: "empty for the latest")}
            </div>
            <button type="submit">Compare</button>
            </form>
            {(diff?.Value is { } d ? Result(d) : Html.Empty)}
            """), "diff", Status: diff?.Problem?.Status ?? StatusCodes.Status200OK));
    }

    private static Html Result(BaselineDiffResponse d) => Html.Of($"""
        <p class="notice" role="status">From <strong>{d.From.Baseline}</strong> import r{d.From.Revision} ({d.From.KernelVersion})
        to <strong>{d.To.Baseline}</strong> import r{d.To.Revision} ({d.To.KernelVersion}):
        {d.Added.Count} added, {d.Removed.Count} removed, {d.Changed.Count} changed.</p>
        {Group("Changed", d.Changed)}{Group("Removed", d.Removed)}{Group("Added", d.Added)}
        """);

    private static Html Group(string title, DiffGroup group)
    {
        var decided = group.Items.Where(i => i.Decisions.Count > 0).ToList();
        var rest = group.Items.Where(i => i.Decisions.Count == 0).ToList();
        return Html.Of($"""
            <section><h2>{title} ({group.Count})</h2>
            {(decided.Count == 0 ? Html.Of($"<p class=\"muted\">None touches a decision.</p>") : Html.Of($"""
                <table><thead><tr><th scope="col">Symbol</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Decisions it touches</th></tr></thead>
                <tbody>{decided.Select(Row)}</tbody></table>
                """))}
            {(rest.Count == 0 ? Html.Empty : Html.Of($"""
                <details><summary>{rest.Count} more, without a decision</summary>
                <p class="symbol-list">{rest.Select(i => Html.Of($"<code>{i.Symbol}</code>{(i.From is null && i.To is null ? "" : $" {i.From ?? "∅"}→{i.To ?? "∅"}")} "))}</p></details>
                """))}
            </section>
            """);
    }

    private static Html Row(DiffItem i) => Html.Of($"""
        <tr><th scope="row"><code>{i.Symbol}</code></th><td>{Widgets.Value(i.From)}</td><td>{Widgets.Value(i.To)}</td>
        <td>{Html.Join(i.Decisions.Select(x => Html.Of($"{Widgets.DecisionLink(x.Baseline, i.Symbol)} <small>{x.Baseline}</small> <code>{x.Value}</code> {Widgets.Status(x.Status)} {Widgets.Flags(x.Flags)}<br>")))}</td></tr>
        """);
}
