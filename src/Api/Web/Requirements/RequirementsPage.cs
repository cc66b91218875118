using Traceability.Api.Requirements;

namespace Traceability.Api.Web.Requirements;

/// <summary>GET /requirements: every safety requirement or goal; engineers record new ones (POST /requirements).</summary>
public static class RequirementsPage
{
    public static readonly IReadOnlyList<string> Kinds = ["requirement", "goal"];

    public static Task<IResult> Show(HttpContext context, ApiClients apis, CancellationToken ct) => RenderAsync(context, apis.For(context), null, ct);

    public static async Task<IResult> Record(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var body = new { id = form.Text("id"), externalId = form.Text("externalId"), title = form.Text("title"), text = form.Text("text"), kind = form.Text("kind") };
        var recorded = await api.PostAsync<RequirementView>("/api/requirements", body, null, ct);
        return recorded.Succeeded
            ? Results.Redirect(Href.To("requirements", recorded.Value!.Id))
            : await RenderAsync(context, api, new FormFailure("record", recorded.Problem!, form), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, FormFailure? failure, CancellationToken ct)
    {
        var all = (await api.GetAsync<IReadOnlyList<RequirementView>>("/api/requirements", ct)).OrThrow();
        var problem = failure.ProblemOf("record");
        return Layout.Render(context, new Page("Requirements", Html.Of($"""
            <h1>Requirements and safety goals</h1>
            <table><thead><tr><th scope="col">Id</th><th scope="col">External id</th><th scope="col">Kind</th><th scope="col">Title</th><th scope="col">Text</th></tr></thead>
            <tbody>{all.Select(r => Html.Of($"""<tr><th scope="row"><a href="{Href.To("requirements", r.Id)}">{r.Id}</a></th><td>{r.ExternalId}</td><td>{r.Kind}</td><td>{r.Title}</td><td>{r.Text}</td></tr>"""))}</tbody></table>
            {(!WebUser.Of(context).MayEngineer ? Html.Empty : Html.Of($"""
                <form method="post" action="/requirements" class="form-card"><h2>Record a requirement</h2>
                {Widgets.Problem(problem)}{Forms.Token(context)}
                {FormFields.Text("record", "id", "Id", failure.Typed("record", "id"), problem, required: true, hint: "a lower-case slug, e.g. sr-mem-isolation")}
                {FormFields.Text("record", "externalId", "External id", failure.Typed("record", "externalId"), problem, hint: "e.g. DOORS-SR-0042")}
                {FormFields.Select("record", "kind", "Kind", failure.Typed("record", "kind"), Kinds, problem)}
                {FormFields.Text("record", "title", "Title", failure.Typed("record", "title"), problem, required: true)}
                {FormFields.Area("record", "text", "Text", failure.Typed("record", "text"), problem, required: true)}
                <button type="submit">Record</button></form>
                """))}
            """), "requirements", Status: problem?.Status ?? StatusCodes.Status200OK));
    }
}
