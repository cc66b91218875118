using System.Globalization;
using System.Net.Http.Json;
using Traceability.Api.Requirements;
using Traceability.Api.Web.Traces;

namespace Traceability.Api.Web.Requirements;

/// <summary>
/// GET /requirements/{id}: the requirement and the decisions citing it; engineers revise it (POST .../revise),
/// told beforehand which decisions the revision marks suspect and afterwards which it did.
/// </summary>
public static class RequirementPage
{
    public static Task<IResult> Show(string id, HttpContext context, ApiClients apis, CancellationToken ct) =>
        RenderAsync(context, apis.For(context), id, null, null, ct);

    public static async Task<IResult> Revise(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var body = new { externalId = form.Text("externalId"), title = form.Text("title"), text = form.Text("text"), reason = form.Text("reason") };
        var done = await api.SendAsync<ReviseRequirement.Response>(HttpMethod.Put, Href.To("api", "requirements", id),
            JsonContent.Create(body, options: ApiClient.Json), form.Version(), ct);
        return done.Succeeded
            ? await RenderAsync(context, api, id, LinkedDecisions.After($"Revision r{done.Value!.Requirement.Revision} saved.", done.Value.SuspectDecisions), null, ct)
            : await RenderAsync(context, api, id, null, new FormFailure("revise", done.Problem!, form), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, string id, Html? after, FormFailure? failure, CancellationToken ct)
    {
        var response = await api.GetAsync<RequirementView>(Href.To("api", "requirements", id), ct);
        var r = response.OrThrow();
        var citing = await RequirementTrace.LoadAsync(api, r.Id, ct);
        return Layout.Render(context, new Page(r.Id, Html.Of($"""
            <p class="crumbs"><a href="/requirements">Requirements</a> › {r.Id}</p>
            <h1>{r.Title} <small>{r.Id} {r.ExternalId}, {r.Kind}, revision {r.Revision}</small></h1>
            {after ?? Html.Empty}
            <blockquote class="statement">{r.Text}</blockquote>
            <div class="decision-layout"><div class="decision-main">
            <h2>Decisions citing it</h2>{LinkedDecisions.Table(citing)}
            </div>
            {Form(context, r, (response.Version ?? r.Version).ToString(CultureInfo.InvariantCulture), citing, failure)}
            </div>
            """), "requirements", Status: failure?.Problem.Status ?? StatusCodes.Status200OK));
    }

    private static Html Form(HttpContext context, RequirementView r, string version, IReadOnlyList<Traceability.Api.Traces.DecisionsInBaseline> citing, FormFailure? failure)
    {
        if (!WebUser.Of(context).MayEngineer) return Html.Empty;
        var problem = failure.ProblemOf("revise");
        string? Typed(string field, string? current) => failure?.Form == "revise" ? failure.Typed.Text(field) : current;
        return Html.Of($"""
            <section class="actions-panel" aria-label="Actions">
            <form method="post" action="{Href.To("requirements", r.Id, "revise")}" class="form-card" id="form-revise"><h2>Revise</h2>
            {LinkedDecisions.Before(citing, "Revising it")}
            {Widgets.Problem(problem)}{Forms.Token(context)}{FormFields.Hidden("version", version)}
            {FormFields.Text("revise", "externalId", "External id", Typed("externalId", r.ExternalId), problem)}
            {FormFields.Text("revise", "title", "Title", Typed("title", r.Title), problem, required: true)}
            {FormFields.Area("revise", "text", "Text", Typed("text", r.Text), problem, required: true)}
            {FormFields.Area("revise", "reason", "Reason", failure.Typed("revise", "reason"), problem, required: true)}
            <button type="submit">Revise</button></form>
            </section>
            """);
    }
}
