using Traceability.Api.Assumptions;
using Traceability.Api.Baselines;
using Traceability.Api.Decisions;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Matrix;
using Traceability.Api.Requirements;
using Traceability.Domain.Catalogs;
using MatrixAnswer = Traceability.Api.Matrix.MatrixPage;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// Everything the decision page shows, each piece from its own API resource: the decision with its history,
/// the baseline, the catalog entry, and the linked AoUs, features and requirements with their text and status.
/// Row is the symbol's matrix row (config value, flags), live or at the past moment History asks for; Position is the chain position it reflects.
/// </summary>
public sealed record DecisionData(
    BaselineView Baseline, DecisionDetail Decision, long Version, CatalogSymbol? Catalog, string CatalogNote,
    IReadOnlyList<AssumptionView> Assumptions, IReadOnlyList<HardwareFeatureView> Features, IReadOnlyList<RequirementView> Requirements,
    MatrixRowView? Row, long Position, string? History)
{
    public static async Task<DecisionData> LoadAsync(ApiClient api, string baseline, string symbol, string? asOf, CancellationToken ct)
    {
        var decisionCall = api.GetAsync<DecisionDetail>(Href.To("api", "baselines", baseline, "decisions", symbol), ct);
        var view = (await api.GetAsync<BaselineView>(Href.To("api", "baselines", baseline), ct)).OrThrow();
        var decision = await decisionCall;
        var detail = decision.OrThrow();
        var catalog = CatalogAsync(api, view, detail.Symbol, ct);
        var row = RowAsync(api, baseline, detail.Symbol, asOf, ct);
        var assumptions = AllAsync<AssumptionView>(api, "assumptions", detail.Assumptions, ct);
        var features = AllAsync<HardwareFeatureView>(api, "hardware-features", detail.Features, ct);
        var requirements = AllAsync<RequirementView>(api, "requirements", detail.Requirements, ct);
        var ((entry, note), (matrixRow, seq)) = (await catalog, await row);
        return new DecisionData(view, detail, decision.Version ?? detail.Version, entry, note,
            await assumptions, await features, await requirements, matrixRow, seq, asOf);
    }

    private static async Task<(CatalogSymbol?, string)> CatalogAsync(ApiClient api, BaselineView baseline, string symbol, CancellationToken ct)
    {
        var path = await CatalogLookup.PathAsync(api, baseline, ct);
        if (path is null) return (null, "The platform's architecture has no Kconfig catalog.");
        var found = await api.GetAsync<CatalogSymbol>($"{path}/{Uri.EscapeDataString(symbol)}", ct);
        return (found.Value, found.Problem?.Detail ?? "");
    }

    /// <summary>The matrix row, live or as of the moment asked for: the same time travel the matrix page does.</summary>
    private static async Task<(MatrixRowView?, long)> RowAsync(ApiClient api, string baseline, string symbol, string? asOf, CancellationToken ct)
    {
        var path = Href.With(Href.To("api", "baselines", baseline, "matrix"), ("symbolPrefix", symbol), ("asOf", asOf), ("pageSize", "1000"));
        var page = (await api.GetAsync<MatrixAnswer>(path, ct)).OrThrow();
        return (page.Rows.FirstOrDefault(r => r.Symbol == Widgets.Display(symbol)), page.AsOfPosition);
    }

    /// <summary>A link whose target cannot be read is left out rather than failing the page; the id still shows in the decision.</summary>
    private static async Task<IReadOnlyList<T>> AllAsync<T>(ApiClient api, string resource, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var found = await Task.WhenAll(ids.Select(id => api.GetAsync<T>(Href.To("api", resource, id), ct)));
        return found.Where(f => f.Succeeded).Select(f => f.Value!).ToList();
    }
}
