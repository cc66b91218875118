using System.Net.Http.Headers;
using Traceability.Api.Baselines;
using Traceability.Api.Web.Matrix;

namespace Traceability.Api.Web.Baselines;

/// <summary>
/// What a role may do to an open baseline: engineers propose decisions and import a .config, assessors
/// freeze it. Each form carries the baseline's version, sent as If-Match, so a change made meanwhile is a 412 shown here.
/// </summary>
public static class BaselineForms
{
    public static string? Notice(string? done) => done switch
    {
        "frozen" => "The baseline is frozen: it takes no more changes.",
        "imported" => "The .config was imported; the matrix below shows it.",
        "unchanged" => "That .config is identical to the latest import; nothing was recorded.",
        _ => null,
    };

    public static Html Render(HttpContext context, BaselineView b, FormFailure? failure)
    {
        var user = WebUser.Of(context);
        if (b.Frozen || !(user.MayEngineer || user.MayAssess)) return Html.Empty;
        var action = Href.To("baselines", b.Id);
        return Html.Of($"""
            <section class="form-row" aria-label="Change this baseline">
            {(user.MayEngineer ? Html.Of($"""
                <a class="button" href="{action}/propose">Propose a decision</a>
                <details class="form-card"{Open(failure, "import")}><summary>Import a .config</summary>
                <form method="post" action="{action}/config" enctype="multipart/form-data">
                {Widgets.Problem(failure.ProblemOf("import"))}
                {Forms.Token(context)}{FormFields.Hidden("version", b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))}
                {FormFields.File("import", "config", "Resolved .config file", ".config,text/plain", failure.ProblemOf("import"))}
                <button type="submit">Import</button></form></details>
                """) : Html.Empty)}
            {(user.MayAssess ? Html.Of($"""
                <details class="form-card"{Open(failure, "freeze")}><summary>Freeze for certification</summary>
                <form method="post" action="{action}/freeze">
                {Widgets.Problem(failure.ProblemOf("freeze"))}
                {Forms.Token(context)}{FormFields.Hidden("version", b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))}
                {FormFields.Text("freeze", "reason", "Reason", failure.Typed("freeze", "reason"), failure.ProblemOf("freeze"), required: true)}
                <button type="submit">Freeze</button></form></details>
                """) : Html.Empty)}
            </section>
            """);
    }

    /// <summary>A form the API refused comes back unfolded, with its problem showing.</summary>
    private static Html Open(FormFailure? failure, string form) => failure?.Form == form ? Html.Of($" open") : Html.Empty;

    public static async Task<IResult> Freeze(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var frozen = await api.PostAsync<BaselineView>(Href.To("api", "baselines", id, "freeze"), new { reason = form.Text("reason") }, form.Version(), ct);
        return frozen.Succeeded
            ? Results.Redirect(Href.With(Href.To("baselines", id), ("done", "frozen")))
            : await MatrixPage.RenderAsync(context, api, id, null, new FormFailure("freeze", frozen.Problem!, form), ct);
    }

    /// <summary>The uploaded file goes on to PUT /api/baselines/{id}/config as it came, so the API's parser and limits decide.</summary>
    public static async Task<IResult> Import(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var file = form.Files.GetFile("config");
        ApiResponse<ConfigImportResult> imported;
        if (file is null) imported = new(null, null, ApiProblem.Of(StatusCodes.Status400BadRequest, "No file", "Choose the .config file to import."));
        else
        {
            using var content = new StreamContent(file.OpenReadStream());
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            imported = await api.SendAsync<ConfigImportResult>(HttpMethod.Put, Href.To("api", "baselines", id, "config"), content, form.Version(), ct);
        }
        return imported.Succeeded
            ? Results.Redirect(Href.With(Href.To("baselines", id), ("done", imported.Value!.Unchanged ? "unchanged" : "imported")))
            : await MatrixPage.RenderAsync(context, api, id, null, new FormFailure("import", imported.Problem!, form), ct);
    }
}
