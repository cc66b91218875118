using Traceability.Api.Baselines;
using Traceability.Api.Catalogs;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// GET /baselines/{id}/symbols?q=: the baseline's catalog names matching what was typed, as JSON for the
/// propose form's type-ahead (app.js). Without a catalog, or for text that is no symbol name, there are none.
/// </summary>
public static class SymbolSuggestions
{
    public static async Task<IResult> Find(string id, string? q, HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var api = apis.For(context);
        var baseline = (await api.GetAsync<BaselineView>(Href.To("api", "baselines", id), ct)).OrThrow();
        var path = await CatalogLookup.PathAsync(api, baseline, ct);
        if (path is null) return Results.Json(Array.Empty<SearchCatalogSymbols.Match>());
        var found = await api.GetAsync<IReadOnlyList<SearchCatalogSymbols.Match>>(Href.With(path, ("q", q), ("limit", "20")), ct);
        return Results.Json(found.Value ?? []);
    }
}
