using System.Globalization;
using Traceability.Api.Baselines;
using Traceability.Api.Matrix;
using Traceability.Api.Traces;
using Traceability.Projections.Matrix;
using MatrixAnswer = Traceability.Api.Matrix.MatrixPage;

namespace Traceability.Api.Web.Requirements;

/// <summary>
/// The decisions citing a requirement. The API has traces for AoUs and features but not for requirements, so
/// the page reads each baseline's decided matrix rows (a baseline has far fewer decisions than symbols) and
/// keeps those whose requirements list names it, in the trace's shape.
/// </summary>
public static class RequirementTrace
{
    private static readonly string[] Decided = [MatrixRow.Proposed, MatrixRow.Approved, MatrixRow.Rejected, MatrixRow.Withdrawn];

    public static async Task<IReadOnlyList<DecisionsInBaseline>> LoadAsync(ApiClient api, string requirement, CancellationToken ct)
    {
        var baselines = (await api.GetAsync<IReadOnlyList<BaselineView>>("/api/baselines", ct)).OrThrow();
        var groups = await Task.WhenAll(baselines.Select(async b =>
        {
            var rows = await DecidedRowsAsync(api, b.Id, ct);
            var citing = rows.Where(r => r.Requirements.Contains(requirement)).Select(Decision).ToList();
            return new DecisionsInBaseline(b.Id, b.Platform, b.KernelVersion, citing);
        }));
        return groups.Where(g => g.Decisions.Count > 0).ToList();
    }

    private static SymbolDecision Decision(MatrixRowView r) =>
        new(r.Symbol, r.ConfigValue, r.DecidedValue, r.Status, r.Revision, r.Flags.Contains(MatrixFlags.Suspect), r.Flags);

    private static async Task<List<MatrixRowView>> DecidedRowsAsync(ApiClient api, string baseline, CancellationToken ct)
    {
        var rows = new List<MatrixRowView>();
        for (var page = 1; ; page++)
        {
            var query = Decided.Select(s => ("status", (string?)s)).Concat([("pageSize", "1000"), ("page", page.ToString(CultureInfo.InvariantCulture))]).ToArray();
            var answer = (await api.GetAsync<MatrixAnswer>(Href.With(Href.To("api", "baselines", baseline, "matrix"), query), ct)).OrThrow();
            rows.AddRange(answer.Rows);
            if (rows.Count >= answer.Total || answer.Rows.Count == 0) return rows;
        }
    }
}
