using Traceability.Api.Assumptions;

namespace Traceability.Api.Web.Assumptions;

/// <summary>GET /assumptions: every AoU with its status and text; engineers draft new ones here (POST /assumptions).</summary>
public static class AssumptionsPage
{
    public static Task<IResult> Show(HttpContext context, ApiClients apis, CancellationToken ct) => RenderAsync(context, apis.For(context), null, ct);

    public static async Task<IResult> Draft(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var drafted = await api.PostAsync<AssumptionView>("/api/assumptions", new { category = form.Text("category"), text = form.Text("text") }, null, ct);
        return drafted.Succeeded
            ? Results.Redirect(Href.To("assumptions", drafted.Value!.Id))
            : await RenderAsync(context, api, new FormFailure("draft", drafted.Problem!, form), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, FormFailure? failure, CancellationToken ct)
    {
        var all = (await api.GetAsync<IReadOnlyList<AssumptionView>>("/api/assumptions", ct)).OrThrow();
        var problem = failure.ProblemOf("draft");
        return Layout.Render(context, new Page("Assumptions of use", Html.Of($"""
            <h1>Assumptions of use</h1>
            <table><thead><tr><th scope="col">Id</th><th scope="col">Category</th><th scope="col">Status</th><th scope="col">Text</th></tr></thead>
            <tbody>{all.Select(a => Html.Of($"""<tr><th scope="row"><a href="{Href.To("assumptions", a.Id)}">{a.Id}</a></th><td>{a.Category}</td><td>{Widgets.Status(a.Status.ToString().ToLowerInvariant())} <small>r{a.Revision}</small></td><td>{a.Text}</td></tr>"""))}</tbody></table>
            {(!WebUser.Of(context).MayEngineer ? Html.Empty : Html.Of($"""
                <form method="post" action="/assumptions" class="form-card"><h2>Draft an assumption</h2>
                {Widgets.Problem(problem)}{Forms.Token(context)}
                {FormFields.Text("draft", "category", "Category", failure.Typed("draft", "category"), problem, required: true, hint: "e.g. execution environment")}
                {FormFields.Area("draft", "text", "Text", failure.Typed("draft", "text"), problem, required: true)}
                <button type="submit">Draft</button></form>
                """))}
            """), "assumptions", Status: problem?.Status ?? StatusCodes.Status200OK));
    }
}
