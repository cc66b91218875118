using Traceability.Api.Baselines;
using Traceability.Api.Matrix;
using Traceability.Api.Platforms;

namespace Traceability.Api.Web.Baselines;

/// <summary>GET /: every baseline with its platform, kernel version, frozen or not, and its coverage; engineers also get the create form.</summary>
public static class BaselinesPage
{
    public static async Task<IResult> Show(HttpContext context, ApiClients apis, string? done, CancellationToken ct) =>
        await RenderAsync(context, apis.For(context), done is null ? null : "Baseline created.", null, null, ct);

    public static async Task<IResult> RenderAsync(
        HttpContext context, ApiClient api, string? notice, CreateBaselineForm.Values? typed, ApiProblem? problem, CancellationToken ct)
    {
        var baselines = (await api.GetAsync<IReadOnlyList<BaselineView>>("/api/baselines", ct)).OrThrow();
        var coverage = await Task.WhenAll(baselines.Select(b => api.GetAsync<Coverage>(Href.To("api", "baselines", b.Id, "coverage"), ct)));
        var user = WebUser.Of(context);
        var platforms = user.MayEngineer ? (await api.GetAsync<IReadOnlyList<PlatformView>>("/api/platforms", ct)).OrThrow() : [];
        var rows = baselines.Zip(coverage, (b, c) => Row(b, c.OrThrow()));
        return Layout.Render(context, new Page("Baselines", Html.Of($"""
            <h1>Baselines</h1>
            {Widgets.Notice(notice)}
            <table class="baselines">
            <caption>Each baseline is one kernel configuration under control. The bar splits its built-in (y/m) symbols.</caption>
            <thead><tr><th scope="col">Baseline</th><th scope="col">Platform</th><th scope="col">Kernel</th><th scope="col">State</th><th scope="col">Coverage</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            {(baselines.Count == 0 ? Html.Of($"<p class=\"muted\">No baselines yet.</p>") : Html.Empty)}
            {(user.MayEngineer ? CreateBaselineForm.Render(context, platforms, typed, problem) : Html.Empty)}
            """), "baselines", Status: problem?.Status ?? StatusCodes.Status200OK));
    }

    private static Html Row(BaselineView b, Coverage coverage) => Html.Of($"""
        <tr>
        <th scope="row"><a href="{Href.To("baselines", b.Id)}">{b.Id}</a><br><small class="muted">{b.Variant}{(b.DerivedFrom is null ? "" : $", derived from {b.DerivedFrom}")}</small></th>
        <td>{b.Platform}</td>
        <td>{b.KernelVersion}</td>
        <td>{(b.Frozen ? Html.Of($"<span class=\"badge frozen\">frozen</span>") : Html.Of($"<span class=\"badge open\">open</span>"))}<br><small class="muted">{Import(b.LatestImport)}</small></td>
        <td>{CoverageBar.Of(coverage)}</td>
        </tr>
        """);

    private static string Import(LatestImport? import) =>
        import is null ? "no .config imported" : $".config r{import.Revision}, {import.Symbols} symbols";
}
