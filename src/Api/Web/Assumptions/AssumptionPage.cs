using System.Globalization;
using Traceability.Api.Assumptions;
using Traceability.Api.Traces;
using Traceability.Api.Web.Traces;

namespace Traceability.Api.Web.Assumptions;

/// <summary>
/// GET /assumptions/{id}: the AoU, its revision history and its trace (the decisions resting on it). Engineers
/// revise it, assessors accept or retire it; the revise form says beforehand which decisions it will mark suspect.
/// </summary>
public static class AssumptionPage
{
    public static Task<IResult> Show(string id, HttpContext context, ApiClients apis, CancellationToken ct) =>
        RenderAsync(context, apis.For(context), id, null, null, ct);

    public static async Task<IResult> RenderAsync(HttpContext context, ApiClient api, string id, Html? after, FormFailure? failure, CancellationToken ct)
    {
        var traceCall = api.GetAsync<GetAssumptionTrace.Response>(Href.To("api", "assumptions", id, "trace"), ct);
        var aou = await api.GetAsync<AssumptionView>(Href.To("api", "assumptions", id), ct);
        var a = aou.OrThrow();
        var trace = (await traceCall).OrThrow();
        var version = (aou.Version ?? a.Version).ToString(CultureInfo.InvariantCulture);
        return Layout.Render(context, new Page($"{a.Id}", Html.Of($"""
            <p class="crumbs"><a href="/assumptions">Assumptions</a> › {a.Id}</p>
            <h1>{a.Id} {Widgets.Status(a.Status.ToString().ToLowerInvariant())} <small>revision {a.Revision}</small></h1>
            {after ?? Html.Empty}
            <p class="category">{a.Category}</p>
            <blockquote class="statement">{a.Text}</blockquote>
            <div class="decision-layout"><div class="decision-main">
            <h2>Decisions resting on it ({trace.DecisionCount})</h2>
            {LinkedDecisions.Table(trace.Baselines)}
            <h2>History</h2>
            <ol class="timeline">{a.History.Select(h => Html.Of($"<li><p><strong>{h.Change}</strong> r{h.Revision}: {h.Text}</p><p class=\"meta\">{h.Actor} · {Widgets.Time(h.Time)}</p>{(h.Reason is null ? Html.Empty : Html.Of($"<p class=\"why\">Why: {h.Reason}</p>"))}</li>"))}</ol>
            </div>
            {AssumptionForms.Render(context, a, version, trace.Baselines, failure)}
            </div>
            """), "assumptions", Status: failure?.Problem.Status ?? StatusCodes.Status200OK));
    }
}
