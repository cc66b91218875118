using Traceability.Api.Traces;

namespace Traceability.Api.Web.Traces;

/// <summary>
/// The decisions that link an AoU, a feature or a requirement (the trace), and the suspect impact of changing
/// it: before, which decisions a revision will mark suspect; after, which ones it did.
/// </summary>
public static class LinkedDecisions
{
    public static Html Table(IReadOnlyList<DecisionsInBaseline> groups) => groups.Count == 0
        ? Html.Of($"<p class=\"muted\">No decision links it.</p>")
        : Html.Of($"""
            <table class="trace"><thead><tr><th scope="col">Baseline</th><th scope="col">Decision</th><th scope="col">Config</th>
            <th scope="col">Decided</th><th scope="col">Status</th><th scope="col">Flags</th></tr></thead>
            <tbody>{groups.SelectMany(g => g.Decisions.Select(d => Html.Of($"""
                <tr><td><a href="{Href.To("baselines", g.Baseline)}">{g.Baseline}</a> <small class="muted">{g.Platform} {g.KernelVersion}</small></td>
                <th scope="row">{Widgets.DecisionLink(g.Baseline, d.Symbol)}</th><td>{Widgets.Value(d.ConfigValue)}</td><td><code>{d.Value}</code></td>
                <td>{Widgets.Status(d.Status)}</td><td>{Widgets.Flags(d.Flags)}</td></tr>
                """)))}</tbody></table>
            """);

    /// <summary>Before a change: the linked decisions it will mark suspect (a withdrawn or already suspect decision is not marked again).</summary>
    public static Html Before(IReadOnlyList<DecisionsInBaseline> groups, string change)
    {
        var affected = groups.SelectMany(g => g.Decisions.Where(d => d.Status != "withdrawn" && !d.Suspect)
            .Select(d => Widgets.DecisionLink(g.Baseline, d.Symbol))).ToList();
        return Html.Of($"""
            <p class="impact" id="impact-before"><strong>Suspect impact:</strong> {change} will mark {affected.Count} decision(s) suspect{(affected.Count == 0 ? Html.Empty : Html.Of($": {Html.Join(affected.Select(a => Html.Of($"{a} ")))}"))}</p>
            """);
    }

    /// <summary>After a change: the decisions it marked suspect, from the API's answer (stream ids decision/{baseline}/{symbol}).</summary>
    public static Html After(string what, IReadOnlyList<string> streams)
    {
        var links = streams.Select(s => s.Split('/')).Where(p => p.Length == 3).Select(p => Widgets.DecisionLink(p[1], p[2])).ToList();
        return Html.Of($"""
            <div class="notice" role="status" id="impact-after"><p>{what} It marked <strong>{links.Count}</strong> decision(s) suspect{(links.Count == 0 ? Html.Of($".") : Html.Of($":"))}</p>
            {(links.Count == 0 ? Html.Empty : Html.Of($"<ul class=\"items\">{links.Select(l => Html.Of($"<li>{l}</li>"))}</ul>"))}</div>
            """);
    }
}
