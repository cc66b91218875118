using System.Net.Http.Headers;
using Traceability.Api.Baselines;
using Traceability.Api.Conformance;

namespace Traceability.Api.Web.Check;

/// <summary>
/// GET /check and POST /check: the CI gate by hand. Upload a .config, choose a baseline, and see the verdict
/// of POST /api/baselines/{id}/check (which writes nothing): deviations, missing symbols, pending and undecided.
/// </summary>
public static class CheckPage
{
    private const int ListedUndecided = 50;

    public static async Task<IResult> Show(string? baseline, HttpContext context, ApiClients apis, CancellationToken ct) =>
        await RenderAsync(context, apis.For(context), baseline, null, null, ct);

    public static async Task<IResult> Submit(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var baseline = form.Text("baseline") ?? "";
        var file = form.Files.GetFile("config");
        if (file is null) return await RenderAsync(context, api, baseline, null, ApiProblem.Of(StatusCodes.Status400BadRequest, "No file", "Choose the .config to check."), ct);
        using var content = new StreamContent(file.OpenReadStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var strict = form.Text("strict") is null ? "false" : "true";
        var report = await api.AskAsync<ConformanceReport>(Href.With(Href.To("api", "baselines", baseline, "check"), ("strict", strict)), content, ct);
        return await RenderAsync(context, api, baseline, report.Value, report.Problem, ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, string? baseline, ConformanceReport? report, ApiProblem? problem, CancellationToken ct)
    {
        var baselines = (await api.GetAsync<IReadOnlyList<BaselineView>>("/api/baselines", ct)).OrThrow().Select(b => b.Id).ToList();
        return Layout.Render(context, new Page("CI check", Html.Of($"""
            <h1>Check a .config against a baseline</h1>
            <form method="post" action="/check" enctype="multipart/form-data" class="form-card wide">
            {Widgets.Problem(problem)}{Forms.Token(context)}
            {FormFields.Select("check", "baseline", "Baseline", baseline, baselines, problem)}
            {FormFields.File("check", "config", "Resolved .config file", ".config,text/plain", problem)}
            <div class="field"><label class="check"><input type="checkbox" name="strict" value="true"> Strict: undecided built-in symbols fail the check too</label></div>
            <button type="submit">Check</button>
            </form>
            {(report is null ? Html.Empty : Report(report))}
            """), "check", Status: problem?.Status ?? StatusCodes.Status200OK));
    }

    private static Html Report(ConformanceReport r) => Html.Of($"""
        <section aria-labelledby="verdict"><h2 id="verdict" class="verdict {(r.Pass ? "pass" : "fail")}">{(r.Pass ? "PASS" : "FAIL")}</h2>
        <p>{r.Summary}</p>
        <p class="muted">File SHA-256 {r.File.Sha256}, {r.File.Symbols} symbols; checked against {r.CheckedAgainst.ApprovedDecisions} approved decisions as of event #{r.CheckedAgainst.AsOfPosition}.</p>
        {(r.Warnings.Count == 0 ? Html.Empty : Html.Of($"<div class=\"warnings\" role=\"note\"><ul>{r.Warnings.Select(w => Html.Of($"<li>{w}</li>"))}</ul></div>"))}
        <h3>Deviations ({r.Deviations.Count})</h3>
        {Widgets.List(r.Deviations.Select(d => Html.Of($"<code>{d.Symbol}</code>: decided <code>{d.Decided}</code>, the file has <code>{d.Actual}</code>")))}
        <h3>Missing ({r.Missing.Count})</h3>
        {Widgets.List(r.Missing.Select(m => Html.Of($"<code>{m.Symbol}</code>: decided <code>{m.Decided}</code>, absent from the file")))}
        <h3>Pending decisions ({r.Pending.Count})</h3>
        {Widgets.List(r.Pending.Select(p => Html.Of($"<code>{p.Symbol}</code> {Widgets.Status(p.Status)} decided <code>{p.Decided}</code>, file {Widgets.Value(p.Actual)}")))}
        <h3>Undecided built-in symbols ({r.Undecided.Count})</h3>
        <p class="symbol-list">{r.Undecided.Symbols.Take(ListedUndecided).Select(s => Html.Of($"<code>{s}</code> "))}{(r.Undecided.Count > ListedUndecided ? $"… and {r.Undecided.Count - ListedUndecided} more" : "")}</p>
        </section>
        """);
}
