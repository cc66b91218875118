using System.Net.Http.Headers;
using Traceability.Api.Baselines;
using Traceability.Projections.Audit;

namespace Traceability.Api.Web.Audit;

/// <summary>
/// GET /audit: download a baseline's audit export (now or as of a past moment), and POST /audit/verify: upload
/// an export and see every check of POST /api/audit-exports/verify (file hashes, signature, hash chain, matrix).
/// </summary>
public static class AuditPage
{
    public static async Task<IResult> Show(string? baseline, string? asOf, HttpContext context, ApiClients apis, CancellationToken ct) =>
        await RenderAsync(context, apis.For(context), baseline, asOf, null, null, ct);

    /// <summary>
    /// GET /audit/export: the API's zip passed through as it streams, under the API's own file name. When the API's answer
    /// breaks off on the way, the download is aborted (never ended as if the zip were whole), so the browser reports it
    /// failed, and the page logs a warning (it was an unhandled exception at Error level).
    /// </summary>
    public static async Task<IResult> Download(string? baseline, string? asOf, HttpContext context, ApiClients apis, ILoggerFactory logs, CancellationToken ct)
    {
        var api = apis.For(context);
        var path = Href.With(Href.To("api", "baselines", baseline ?? "", "audit-export"), ("asOf", asOf));
        var response = await api.RawAsync(HttpMethod.Get, path, null, null, ct);
        if (!response.IsSuccessStatusCode)
        {
            using (response) return await RenderAsync(context, api, baseline, asOf, await ApiProblem.ReadAsync(response, ct), null, ct);
        }
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "audit-export.zip";
        return Results.Stream(async body =>
        {
            using (response)
            {
                try
                {
                    await response.Content.CopyToAsync(body, ct);
                }
                catch (Exception failure) when (failure is IOException or HttpRequestException && !ct.IsCancellationRequested)
                {
                    logs.CreateLogger(typeof(AuditPage)).LogWarning(
                        "The audit export {Path} broke off while it was passed on ({Error}); the download was aborted", path, failure.Message);
                    context.Abort();
                }
            }
        }, "application/zip", name);
    }

    public static async Task<IResult> Verify(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var api = apis.For(context);
        var file = form.Files.GetFile("export");
        if (file is null) return await RenderAsync(context, api, null, null, ApiProblem.Of(StatusCodes.Status400BadRequest, "No file", "Choose the export zip to verify."), null, ct);
        using var content = new StreamContent(file.OpenReadStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var verified = await api.AskAsync<ExportVerification>("/api/audit-exports/verify", content, ct);
        return await RenderAsync(context, api, null, null, verified.Problem, verified.Value, ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, string? baseline, string? asOf,
        ApiProblem? problem, ExportVerification? verification, CancellationToken ct)
    {
        var baselines = (await api.GetAsync<IReadOnlyList<BaselineView>>("/api/baselines", ct)).OrThrow().Select(b => b.Id).ToList();
        return Layout.Render(context, new Page("Audit export", Html.Of($"""
            <h1>Audit export</h1>
            {Widgets.Problem(problem)}
            <div class="form-row">
            <form method="get" action="/audit/export" class="form-card"><h2>Download an export</h2>
            <p>A self-verifying zip: manifest with hashes, matrix, decisions with their histories, the event log from #1, and report.html.</p>
            {FormFields.Select("export", "baseline", "Baseline", baseline, baselines, null)}
            {FormFields.Text("export", "asOf", "As of", asOf, null, hint: "a log position or an ISO-8601 time; empty for now")}
            <button type="submit">Download</button></form>
            <form method="post" action="/audit/verify" enctype="multipart/form-data" class="form-card"><h2>Verify an export</h2>
            <p>Checks every file's SHA-256, the signature, the chain and every event's authentication, and that the events rebuild every file. Nothing is stored.</p>
            {Forms.Token(context)}{FormFields.File("verify", "export", "Export zip", ".zip,application/zip", null)}
            <button type="submit">Verify</button></form>
            </div>
            {(verification is null ? Html.Empty : Result(verification))}
            """), "audit", Status: problem?.Status ?? StatusCodes.Status200OK));
    }

    private static Html Result(ExportVerification v) => Html.Of($"""
        <section aria-labelledby="verdict"><h2 id="verdict" class="verdict {(v.Valid ? "pass" : "fail")}">{(v.Valid ? "VALID" : "INVALID")}</h2>
        <ul class="checks">{v.Checks.Select(c => Html.Of($"""
            <li class="{(c.Passed ? "pass" : "fail")}"><strong>{(c.Passed ? "PASS" : "FAIL")} {c.Name}</strong>: {c.Detail}
            {Widgets.List(v.Failures.Where(f => f.Check == c.Name).Select(f => Html.Of($"{f.Message}")), "")}</li>
            """))}</ul>
        </section>
        """);
}
