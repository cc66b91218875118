using System.Globalization;
using Traceability.Api.Baselines;
using Traceability.Api.Decisions;
using Traceability.Api.Matrix;
using MatrixAnswer = Traceability.Api.Matrix.MatrixPage;

namespace Traceability.Api.Web.Review;

/// <summary>
/// GET /review: across the open baselines (or one, ?baseline=), the proposals waiting for a second person,
/// the suspect decisions to reconfirm and the deviations to resolve. Assessors act on each right here; the
/// action returns to the queue. Frozen baselines take no changes, so they are left out.
/// </summary>
public static class ReviewQueuePage
{
    public static async Task<IResult> Show(string? baseline, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var api = apis.For(context);
        var baselines = (await api.GetAsync<IReadOnlyList<BaselineView>>("/api/baselines", ct)).OrThrow()
            .Where(b => !b.Frozen && (baseline is null || b.Id == baseline)).ToList();
        var loaded = await Task.WhenAll(baselines.Select(b => LoadAsync(api, b.Id, ct)));
        var user = WebUser.Of(context);
        var queue = ReviewWork.Of(user.Owner, loaded);
        var returnTo = Href.With("/review", ("baseline", baseline));
        return Layout.Render(context, new Page("Review queue", Html.Of($"""
            <h1>Review queue{(baseline is null ? "" : $": {baseline}")}</h1>
            <p>Open baselines only: a frozen baseline takes no changes.{(baseline is null ? Html.Empty : Html.Of($" <a href=\"/review\">All baselines</a>"))}</p>
            {QueueSections.ToApprove(context, queue, user, returnTo)}
            {QueueSections.ToReconfirm(context, queue, user, returnTo)}
            {QueueSections.Deviations(queue)}
            """), "review"));
    }

    private static async Task<(string, IReadOnlyList<DecisionSummary>, IReadOnlyList<MatrixRowView>)> LoadAsync(ApiClient api, string baseline, CancellationToken ct)
    {
        var decisions = api.GetAsync<IReadOnlyList<DecisionSummary>>(Href.To("api", "baselines", baseline, "decisions"), ct);
        var rows = FlaggedRowsAsync(api, baseline, ct);
        return (baseline, (await decisions).OrThrow(), await rows);
    }

    /// <summary>Every row flagged unapproved, suspect or deviation, a page of 1,000 at a time.</summary>
    private static async Task<IReadOnlyList<MatrixRowView>> FlaggedRowsAsync(ApiClient api, string baseline, CancellationToken ct)
    {
        var rows = new List<MatrixRowView>();
        for (var page = 1; ; page++)
        {
            var query = ReviewWork.Flags.Select(f => ("flag", (string?)f))
                .Concat([("pageSize", "1000"), ("page", page.ToString(CultureInfo.InvariantCulture))]).ToArray();
            var answer = (await api.GetAsync<MatrixAnswer>(Href.With(Href.To("api", "baselines", baseline, "matrix"), query), ct)).OrThrow();
            rows.AddRange(answer.Rows);
            if (rows.Count >= answer.Total || answer.Rows.Count == 0) return rows;
        }
    }
}
