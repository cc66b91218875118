using Traceability.Api.Assumptions;
using Traceability.Api.Traces;
using Traceability.Api.Web.Traces;
using Traceability.Domain.Assumptions;

namespace Traceability.Api.Web.Assumptions;

/// <summary>The revise, accept and retire forms of an AoU, each for the role that may use it.</summary>
public static class AssumptionForms
{
    public static Html Render(HttpContext context, AssumptionView a, string version, IReadOnlyList<DecisionsInBaseline> trace, FormFailure? failure)
    {
        var user = WebUser.Of(context);
        var path = Href.To("assumptions", a.Id);
        Html Form(string name, string label, Html fields) => Html.Of($"""
            <form method="post" action="{path}/{name}" class="form-card" id="form-{name}"><h2>{label}</h2>
            {Widgets.Problem(failure.ProblemOf(name))}{Forms.Token(context)}{FormFields.Hidden("version", version)}{fields}
            <button type="submit">{label}</button></form>
            """);
        var forms = new List<Html>();
        if (user.MayEngineer && a.Status != AssumptionStatus.Retired)
        {
            forms.Add(Form("revise", "Revise", Html.Of($"""
                {LinkedDecisions.Before(trace, "Revising it")}
                {FormFields.Text("revise", "category", "Category", failure.Typed("revise", "category") ?? a.Category, failure.ProblemOf("revise"), required: true)}
                {FormFields.Area("revise", "text", "Text", failure.Typed("revise", "text") ?? a.Text, failure.ProblemOf("revise"), required: true)}
                {FormFields.Area("revise", "reason", "Reason", failure.Typed("revise", "reason"), failure.ProblemOf("revise"), required: true)}
                """)));
        }
        if (user.MayAssess && a.Status == AssumptionStatus.Draft)
            forms.Add(Form("accept", "Accept", FormFields.Text("accept", "reason", "Note (optional)", failure.Typed("accept", "reason"), failure.ProblemOf("accept"))));
        if (user.MayAssess && a.Status != AssumptionStatus.Retired)
            forms.Add(Form("retire", "Retire", Html.Of($"""
                {LinkedDecisions.Before(trace, "Retiring it")}
                {FormFields.Area("retire", "reason", "Reason", failure.Typed("retire", "reason"), failure.ProblemOf("retire"), required: true)}
                """)));
        return forms.Count == 0 ? Html.Empty : Html.Of($"""<section class="actions-panel" aria-label="Actions">{forms}</section>""");
    }

    public static async Task<IResult> Revise(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var body = new { category = form.Text("category"), text = form.Text("text"), reason = form.Text("reason") };
        return await ChangeAsync<ReviseAssumption.Response>(id, context, apis, form, "revise", HttpMethod.Put, body,
            r => LinkedDecisions.After($"Revision r{r.Assumption.Revision} saved; {r.Assumption.Id} is a draft again until an assessor accepts it.", r.SuspectDecisions), ct);
    }

    public static async Task<IResult> Retire(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        return await ChangeAsync<RetireAssumption.Response>(id, context, apis, form, "retire", HttpMethod.Post, new { reason = form.Text("reason") },
            r => LinkedDecisions.After($"{r.Assumption.Id} is retired.", r.SuspectDecisions), ct);
    }

    public static async Task<IResult> Accept(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        return await ChangeAsync<AssumptionView>(id, context, apis, form, "accept", HttpMethod.Post, new { reason = form.Text("reason") },
            a => Widgets.Notice($"{a.Id} is agreed: decisions resting on it can now be approved."), ct);
    }

    /// <summary>On success the page is shown at once with what the change did (the "after" of the suspect impact).</summary>
    private static async Task<IResult> ChangeAsync<T>(string id, HttpContext context, ApiClients apis, IFormCollection form, string name,
        HttpMethod method, object body, Func<T, Html> after, CancellationToken ct)
    {
        var api = apis.For(context);
        var path = Href.To("api", "assumptions", id) + (name == "revise" ? "" : "/" + name);
        var done = await api.SendAsync<T>(method, path, System.Net.Http.Json.JsonContent.Create(body, options: ApiClient.Json), form.Version(), ct);
        return done.Succeeded
            ? await AssumptionPage.RenderAsync(context, api, id, after(done.Value!), null, ct)
            : await AssumptionPage.RenderAsync(context, api, id, null, new FormFailure(name, done.Problem!, form), ct);
    }
}
