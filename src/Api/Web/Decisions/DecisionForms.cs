using System.Globalization;
using Traceability.Api.Decisions;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// The actions on a decision, each offered only to a role that may take it and only when the decision's
/// state allows it (the API decides either way). Every form sends the version it was rendered with.
/// </summary>
public static class DecisionForms
{
    public static readonly IReadOnlyList<string> EvidenceKinds = ["test", "analysis", "review"];
    public static readonly IReadOnlyList<string> EvidenceOutcomes = ["pass", "fail", "inconclusive"];

    public static Html Render(HttpContext context, DecisionData data, FormFailure? failure)
    {
        var user = WebUser.Of(context);
        var d = data.Decision;
        if (data.Baseline.Frozen) return Html.Of($"""<p class="muted">The baseline is frozen: this decision takes no more changes.</p>""");
        var open = d.Status != DecisionStatus.Withdrawn;
        var forms = new List<Html>();
        if (user.MayAssess && d.Status == DecisionStatus.Proposed)
        {
            forms.Add(d.ProposedByOwner == user.Owner
                ? Html.Of($"""<p class="note">You proposed this revision: another person must approve it (four-eyes).</p>""")
                : Form(context, data, failure, "approve", "Approve", FormFields.Text("approve", "meaning", "What your approval asserts (optional)", failure.Typed("approve", "meaning"), failure.ProblemOf("approve"))));
            forms.Add(Form(context, data, failure, "reject", "Reject", Reason("reject", failure)));
        }
        if (user.MayAssess && d.Suspect && open) forms.Add(Form(context, data, failure, "reconfirm", "Reconfirm", Reason("reconfirm", failure)));
        if (user.MayEngineer && open)
        {
            forms.Add(Form(context, data, failure, "revise", "Revise", ReviseFields(d, failure)));
            forms.Add(Form(context, data, failure, "evidence", "Attach evidence", EvidenceFields(failure)));
            forms.Add(Form(context, data, failure, "withdraw", "Withdraw", Reason("withdraw", failure)));
        }
        return forms.Count == 0 ? Html.Empty : Html.Of($"""<section class="actions-panel" aria-label="Actions">{forms}</section>""");
    }

    private static Html Form(HttpContext context, DecisionData data, FormFailure? failure, string name, string label, Html fields) => Html.Of($"""
        <form method="post" action="{Href.To("baselines", data.Baseline.Id, "decisions", data.Decision.Symbol, name)}" class="form-card" id="form-{name}">
        <h2>{label}</h2>
        {Conflict(data, failure, name)}{Widgets.Problem(failure?.Problem.Status == StatusCodes.Status412PreconditionFailed ? null : failure.ProblemOf(name))}
        {Forms.Token(context)}{FormFields.Hidden("version", data.Version.ToString(CultureInfo.InvariantCulture))}
        {FormFields.Hidden("returnTo", failure.Typed(name, "returnTo"))}
        {fields}
        <button type="submit">{label}</button>
        </form>
        """);

    /// <summary>
    /// A 412: someone changed the decision after this form was rendered. The changes since the form's version are
    /// shown, what the user typed is kept, and the form now carries the current version: nothing was overwritten.
    /// </summary>
    private static Html Conflict(DecisionData data, FormFailure? failure, string name)
    {
        if (failure.ProblemOf(name) is not { Status: StatusCodes.Status412PreconditionFailed }) return Html.Empty;
        var had = failure!.Typed.Version() ?? 0;
        var changes = data.Decision.History.Where(e => e.Version > had).Select(e =>
            Html.Of($"<li>{DecisionTimeline.What(e)} by {e.Actor} {Widgets.Time(e.Time)}{(e.Reason is null ? "" : $": {e.Reason}")}</li>"));
        return Html.Of($"""
            <div class="conflict" role="alert"><p><strong>This decision changed after you opened the page</strong>
            (you had version {had}, it is now at version {data.Version}). Your change was not saved. What changed:</p>
            <ul>{changes}</ul><p>Your input is kept below. Check the decision above, then submit again to apply it to the current version.</p></div>
            """);
    }

    private static Html Reason(string form, FormFailure? failure) =>
        FormFields.Area(form, "reason", "Reason", failure.Typed(form, "reason"), failure.ProblemOf(form), required: true);

    private static Html ReviseFields(DecisionDetail d, FormFailure? failure)
    {
        string? Typed(string field, string current) => failure?.Form == "revise" ? failure.Typed.Text(field) : current;
        var problem = failure.ProblemOf("revise");
        return Html.Of($"""
            {FormFields.Text("revise", "value", "Value", Typed("value", d.Value), problem, required: true, hint: "as in a .config: y, m, n, \"text\", 12, 0x1f")}
            {FormFields.Area("revise", "rationale", "Rationale", Typed("rationale", d.Rationale), problem, required: true)}
            {FormFields.Text("revise", "assumptions", "Assumptions of use", Typed("assumptions", string.Join(", ", d.Assumptions)), problem, hint: "AoU ids, e.g. AOU-0001, AOU-0003")}
            {FormFields.Text("revise", "features", "Hardware features", Typed("features", string.Join(", ", d.Features)), problem, hint: "feature ids, e.g. arm64-pan")}
            {FormFields.Text("revise", "requirements", "Requirements", Typed("requirements", string.Join(", ", d.Requirements)), problem)}
            {FormFields.Area("revise", "reason", "Reason for the revision", failure.Typed("revise", "reason"), problem, required: true)}
            """);
    }

    private static Html EvidenceFields(FormFailure? failure)
    {
        var problem = failure.ProblemOf("evidence");
        return Html.Of($"""
            {FormFields.Select("evidence", "kind", "Kind", failure.Typed("evidence", "kind"), EvidenceKinds, problem)}
            {FormFields.Text("evidence", "reference", "Reference", failure.Typed("evidence", "reference"), problem, required: true, hint: "a CI run URL, a report id")}
            {FormFields.Select("evidence", "outcome", "Outcome", failure.Typed("evidence", "outcome"), EvidenceOutcomes, problem)}
            {FormFields.Area("evidence", "summary", "Summary", failure.Typed("evidence", "summary"), problem)}
            """);
    }
}
