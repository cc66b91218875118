using System.Globalization;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Traces;
using Traceability.Api.Web.Traces;

namespace Traceability.Api.Web.Features;

/// <summary>
/// GET /features/{id}: the feature, its governing symbols in every relevant baseline (value and decision),
/// the decisions linking it, and for engineers the revise form, which says which decisions a change of its
/// governing symbols will mark suspect (other changes mark none).
/// </summary>
public static class FeaturePage
{
    public static Task<IResult> Show(string id, HttpContext context, ApiClients apis, CancellationToken ct) =>
        RenderAsync(context, apis.For(context), id, null, null, ct);

    public static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, string id, Html? after, FormFailure? failure, CancellationToken ct)
    {
        var traceCall = api.GetAsync<FeatureTraceResponse>(Href.To("api", "hardware-features", id, "trace"), ct);
        var feature = await api.GetAsync<HardwareFeatureView>(Href.To("api", "hardware-features", id), ct);
        var f = feature.OrThrow();
        var trace = (await traceCall).OrThrow();
        return Layout.Render(context, new Page(f.Id, Html.Of($"""
            <p class="crumbs"><a href="/features">Hardware features</a> › {f.Id}</p>
            <h1>{f.Name} <small>{f.Id}, revision {f.Revision}</small></h1>
            {after ?? Html.Empty}
            <dl class="facts"><div><dt>Architecture</dt><dd>{f.Architecture}</dd></div><div><dt>Protects against</dt><dd>{f.ProtectsAgainst}</dd></div>
            <div><dt>Availability</dt><dd>{string.Join(", ", f.Availability.Select(a => $"{a.Key}: {a.Value}"))}</dd></div></dl>
            <p>{f.Description}</p>
            <div class="decision-layout"><div class="decision-main">
            <h2>Governing symbols per baseline</h2>
            {(trace.NoGoverningSymbol ? Html.Of($"<p class=\"note\">{trace.Note}</p>") : Html.Join(trace.Baselines.Select(Governing)))}
            <h2>Decisions linking it ({trace.LinkingDecisionCount})</h2>
            {LinkedDecisions.Table(trace.LinkingDecisions)}
            </div>
            {FeatureForms.Render(context, f, (feature.Version ?? f.Version).ToString(CultureInfo.InvariantCulture), trace.LinkingDecisions, failure)}
            </div>
            """), "features", Status: failure?.Problem.Status ?? StatusCodes.Status200OK));
    }

    private static Html Governing(FeatureOnBaseline b) => Html.Of($"""
        <h3><a href="{Href.To("baselines", b.Baseline)}">{b.Baseline}</a> <small>{b.Platform}, {b.KernelVersion}, {b.Availability}</small></h3>
        <ul class="items">{(b.Symbols ?? []).Select(s => Html.Of($"<li>{(s.Decision is null ? Html.Of($"<code>{s.Symbol}</code>") : Widgets.DecisionLink(b.Baseline, s.Symbol))}: config {Widgets.Value(s.ConfigValue)}, {(s.Undecided ? Html.Of($"<span class=\"badge none\">undecided</span>") : Widgets.Status(s.Decision?.Status))} {Widgets.Flags(s.Flags)}</li>"))}</ul>
        """);
}
