using System.Globalization;

namespace Traceability.Api.Web.Review;

/// <summary>The queue's three lists; the approve, reject and reconfirm forms post to the decision actions and come back here.</summary>
public static class QueueSections
{
    public static Html ToApprove(HttpContext context, ReviewWork queue, WebUser user, string returnTo) => Html.Of($"""
        <section aria-labelledby="approve-title"><h2 id="approve-title">Waiting for a second person ({queue.ToApprove.Count})</h2>
        {(queue.OwnWaiting == 0 ? Html.Empty : Html.Of($"<p class=\"muted\">{queue.OwnWaiting} proposal(s) of yours wait for someone else; they are not listed here.</p>"))}
        {Table(queue.ToApprove, item => user.MayAssess ? Html.Of($"""
            {Action(context, item, "approve", "Approve", returnTo, Html.Empty)}
            {Action(context, item, "reject", "Reject", returnTo, Reason(item, "reject"))}
            """) : Html.Of($"<span class=\"muted\">an assessor approves</span>"))}
        </section>
        """);

    public static Html ToReconfirm(HttpContext context, ReviewWork queue, WebUser user, string returnTo) => Html.Of($"""
        <section aria-labelledby="reconfirm-title"><h2 id="reconfirm-title">Suspect: to reconfirm or revise ({queue.ToReconfirm.Count})</h2>
        {Table(queue.ToReconfirm, item => user.MayAssess
            ? Action(context, item, "reconfirm", "Reconfirm", returnTo, Reason(item, "reconfirm"))
            : Html.Of($"<a href=\"{DecisionPath(item)}\">Open to revise</a>"))}
        </section>
        """);

    public static Html Deviations(ReviewWork queue) => Html.Of($"""
        <section aria-labelledby="deviation-title"><h2 id="deviation-title">Deviations: the .config differs from the approved value ({queue.Deviations.Count})</h2>
        {Table(queue.Deviations, item => Html.Of($"<a href=\"{DecisionPath(item)}\">Open to resolve</a>"))}
        </section>
        """);

    private static Html Table(IReadOnlyList<QueueItem> items, Func<QueueItem, Html> actions) => items.Count == 0
        ? Html.Of($"<p class=\"muted\">Nothing here.</p>")
        : Html.Of($"""
            <table class="queue"><thead><tr><th scope="col">Decision</th><th scope="col">Config</th><th scope="col">Decided</th>
            <th scope="col">Rationale</th><th scope="col">Proposed by</th><th scope="col">Act</th></tr></thead>
            <tbody>{items.Select(i => Html.Of($"""
                <tr><th scope="row">{Widgets.DecisionLink(i.Baseline, i.Row.Symbol)}<br><small class="muted">{i.Baseline}</small> {Widgets.Flags(i.Row.Flags)}</th>
                <td>{Widgets.Value(i.Row.ConfigValue)}</td><td><code>{i.Row.DecidedValue}</code></td>
                <td class="rationale-cell">{i.Row.Rationale}</td><td>{i.Decision.ProposedBy}</td><td class="act">{actions(i)}</td></tr>
                """))}</tbody></table>
            """);

    private static Html Action(HttpContext context, QueueItem item, string action, string label, string returnTo, Html fields) => Html.Of($"""
        <form method="post" action="{DecisionPath(item)}/{action}" class="inline-form">
        {Forms.Token(context)}{FormFields.Hidden("version", item.Decision.Version.ToString(CultureInfo.InvariantCulture))}{FormFields.Hidden("returnTo", returnTo)}
        {fields}<button type="submit" aria-label="{label} {Widgets.Display(item.Row.Symbol)} in {item.Baseline}">{label}</button>
        </form>
        """);

    private static Html Reason(QueueItem item, string action)
    {
        var id = $"{action}-{item.Baseline}-{Widgets.Bare(item.Row.Symbol)}";
        return Html.Of($"""<label class="visually-hidden" for="{id}">Reason to {action} {Widgets.Display(item.Row.Symbol)}</label><input id="{id}" name="reason" required placeholder="reason">""");
    }

    private static string DecisionPath(QueueItem item) => Href.To("baselines", item.Baseline, "decisions", Widgets.Bare(item.Row.Symbol));
}
