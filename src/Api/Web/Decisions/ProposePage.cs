using System.Net.Http.Json;
using Traceability.Api.Assumptions;
using Traceability.Api.Decisions;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Requirements;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// GET and POST /baselines/{id}/propose (engineer): a new decision through POST /api/baselines/{id}/decisions.
/// The symbol field suggests names from the baseline's Kconfig catalog as you type (app.js); AoUs, features
/// and requirements are picked from what exists, each shown with its text.
/// </summary>
public static class ProposePage
{
    public static Task<IResult> Show(string id, string? symbol, HttpContext context, ApiClients apis, CancellationToken ct) =>
        RenderAsync(context, apis.For(context), id, symbol, null, ct);

    public static async Task<IResult> Submit(string id, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var force = form.Text("force") is not null;
        var body = new
        {
            symbol = form.Text("symbol"), value = form.Text("value"), rationale = form.Text("rationale"),
            assumptions = form.Words("assumptions"), features = form.Words("features"), requirements = form.Words("requirements"),
            force = force ? true : (bool?)null, forceReason = force ? form.Text("forceReason") : null,
        };
        var created = await api.SendAsync<DecisionDetail>(HttpMethod.Post, Href.To("api", "baselines", id, "decisions"), JsonContent.Create(body, options: ApiClient.Json), null, ct);
        return created.Succeeded
            ? Results.Redirect(Href.With(Href.To("baselines", id, "decisions", created.Value!.Symbol), ("done", "propose")))
            : await RenderAsync(context, api, id, null, new FormFailure("propose", created.Problem!, form), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, string id, string? symbol, FormFailure? failure, CancellationToken ct)
    {
        var linkables = LinkablesAsync(api, ct);
        (await api.GetAsync<Traceability.Api.Baselines.BaselineView>(Href.To("api", "baselines", id), ct)).OrThrow();
        var links = await linkables;
        var problem = failure.ProblemOf("propose");
        return Layout.Render(context, new Page($"Propose a decision in {id}", Html.Of($"""
            <p class="crumbs"><a href="{Href.To("baselines", id)}">{id}</a> › propose</p>
            <h1>Propose a decision in {id}</h1>
            <form method="post" action="{Href.To("baselines", id, "propose")}" class="form-card wide">
            {Widgets.Problem(problem)}
            {Forms.Token(context)}
            {Fields(id, symbol, failure, problem)}
            {Links(links, failure, problem)}
            <div class="field"><label class="check"><input type="checkbox" name="force" value="true"{(failure.Typed("propose", "force") is null ? Html.Empty : Html.Of($" checked"))}> The symbol is not in the catalog, and that is intended</label></div>
            {FormFields.Text("propose", "forceReason", "Why (when forced)", failure.Typed("propose", "forceReason"), problem)}
            <button type="submit">Propose</button>
            </form>
            """), "baselines", Status: problem?.Status ?? StatusCodes.Status200OK));
    }

    private static Html Fields(string id, string? symbol, FormFailure? failure, ApiProblem? problem) => Html.Of($"""
        {FormFields.Text("propose", "symbol", "Symbol", failure.Typed("propose", "symbol") ?? symbol, problem, required: true, hint: "CONFIG_FUTEX or FUTEX; names from the kernel's catalog are suggested as you type",
            extra: Html.Of($" list=\"symbol-suggestions\" autocomplete=\"off\" data-suggest=\"{Href.To("baselines", id, "symbols")}\""))}
        <datalist id="symbol-suggestions"></datalist>
        {FormFields.Text("propose", "value", "Value", failure.Typed("propose", "value"), problem, required: true, hint: "as in a .config: y, m, n, \"text\", 12, 0x1f")}
        {FormFields.Area("propose", "rationale", "Rationale", failure.Typed("propose", "rationale"), problem, required: true, hint: "why this value is safe under the linked assumptions")}
        """);

    private static readonly string[] LinkFields = ["assumptions", "features", "requirements"];

    /// <summary>What a decision can rest on, each with the words a reader recognises it by.</summary>
    private sealed record Linkables(
        IReadOnlyList<(string Id, string Label)> Assumptions, IReadOnlyList<(string Id, string Label)> Features, IReadOnlyList<(string Id, string Label)> Requirements);

    private static async Task<Linkables> LinkablesAsync(ApiClient api, CancellationToken ct)
    {
        var assumptions = api.GetAsync<IReadOnlyList<AssumptionView>>("/api/assumptions", ct);
        var features = api.GetAsync<IReadOnlyList<HardwareFeatureView>>("/api/hardware-features", ct);
        var requirements = api.GetAsync<IReadOnlyList<RequirementView>>("/api/requirements", ct);
        return new Linkables(
            (await assumptions).OrThrow().Select(a => (a.Id, $"{a.Id} ({a.Status.ToString().ToLowerInvariant()}): {a.Text}")).ToList(),
            (await features).OrThrow().Select(f => (f.Id, $"{f.Id}: {f.Name}")).ToList(),
            (await requirements).OrThrow().Select(r => (r.Id, $"{r.Id}: {r.Title}")).ToList());
    }

    private static Html Links(Linkables links, FormFailure? failure, ApiProblem? problem)
    {
        var chosen = LinkFields.SelectMany(f => failure?.Typed.Words(f) ?? []).ToHashSet();
        return Html.Of($"""
            {Choices("assumptions", "Assumptions of use", links.Assumptions, chosen, problem)}
            {Choices("features", "Hardware features", links.Features, chosen, problem)}
            {Choices("requirements", "Requirements", links.Requirements, chosen, problem)}
            """);
    }

    private static Html Choices(string name, string legend, IEnumerable<(string Id, string Label)> options, HashSet<string> chosen, ApiProblem? problem)
    {
        var errors = problem?.ErrorsOf(name) ?? [];
        var all = options.ToList();
        return Html.Of($"""
            <fieldset class="choices"><legend>{legend}</legend>
            {(all.Count == 0 ? Html.Of($"<span class=\"muted\">none recorded yet</span>") : Html.Empty)}
            {all.Select(o => Html.Of($"<label class=\"check\"><input type=\"checkbox\" name=\"{name}\" value=\"{o.Id}\"{(chosen.Contains(o.Id) ? Html.Of($" checked") : Html.Empty)}> {o.Label}</label>"))}
            {(errors.Count == 0 ? Html.Empty : Html.Of($"<small class=\"field-error\">{string.Join(" ", errors)}</small>"))}
            </fieldset>
            """);
    }
}
