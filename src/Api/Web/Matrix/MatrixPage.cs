using Traceability.Api.Baselines;
using Traceability.Api.Web.Baselines;
using MatrixAnswer = Traceability.Api.Matrix.MatrixPage;

namespace Traceability.Api.Web.Matrix;

/// <summary>
/// GET /baselines/{id}: the baseline, what the role may do with it, and its traceability matrix one page
/// at a time (the API's paging, so 11k rows never travel at once). With ?asOf= the page shows history:
/// marked on the page, with every form that would change something left out.
/// </summary>
public static class MatrixPage
{
    public static async Task<IResult> Show(string id, HttpContext context, ApiClients apis, string? done, CancellationToken ct) =>
        await RenderAsync(context, apis.For(context), id, BaselineForms.Notice(done), null, ct);

    /// <summary>Live, the baseline comes from <see cref="BaselineHeaders"/> once the matrix says at which head it is; in history both are asked at once.</summary>
    private static async Task<(BaselineView, ApiResponse<MatrixAnswer>)> LoadAsync(
        HttpContext context, ApiClient api, string id, MatrixFilter filter, CancellationToken ct)
    {
        var matrixCall = api.GetAsync<MatrixAnswer>(filter.Query(Href.To("api", "baselines", id, "matrix")), ct);
        if (filter.IsHistory || (await matrixCall).Value is not { } page)
        {
            var baseline = (await api.GetAsync<BaselineView>(Href.To("api", "baselines", id), ct)).OrThrow();
            return (baseline, await matrixCall);
        }
        var headers = context.RequestServices.GetRequiredService<BaselineHeaders>();
        return (await headers.AtHeadAsync(api, id, page.AsOfPosition, ct), await matrixCall);
    }

    public static async Task<IResult> RenderAsync(
        HttpContext context, ApiClient api, string id, string? notice, FormFailure? failure, CancellationToken ct)
    {
        var filter = MatrixFilter.From(context.Request.Query);
        var (baseline, matrix) = await LoadAsync(context, api, id, filter, ct);
        var path = Href.To("baselines", id);
        return Layout.Render(context, new Page($"{id} matrix", Html.Of($"""
            <h1>Baseline {id}</h1>
            {BaselineSummary.Render(baseline)}
            {Widgets.Notice(notice)}
            {(filter.IsHistory ? Html.Empty : BaselineForms.Render(context, baseline, failure))}
            {HistoryBanner(filter, matrix.Value, path)}
            {MatrixFilterForm.Render(path, filter, matrix.Problem)}
            {(matrix.Value is { } page ? MatrixTable.Render(id, page, filter, path) : Html.Empty)}
            """), "baselines", filter.IsHistory, failure?.Problem.Status ?? matrix.Problem?.Status ?? StatusCodes.Status200OK));
    }

    private static Html HistoryBanner(MatrixFilter filter, MatrixAnswer? page, string path)
    {
        if (page is null) return Html.Empty;
        if (!filter.IsHistory)
        {
            var permalink = (filter with { AsOf = page.AsOfPosition.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Query(path);
            return Html.Of($"""<p class="live-note">Live matrix, up to event #{page.AsOfPosition}. <a href="{permalink}">Keep this moment</a> (a link that always shows this state).</p>""");
        }
        return Html.Of($"""
            <div class="history-banner" role="note"><strong>History</strong>: the matrix as it was at event #{page.AsOfPosition}
            (asked for "{filter.AsOf}"). Nothing can be changed here. <a href="{(filter with { AsOf = null, Page = 1 }).Query(path)}">Back to the live matrix</a></div>
            """);
    }
}
