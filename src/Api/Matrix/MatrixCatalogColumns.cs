using Traceability.Api.Catalogs;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>
/// The catalog's type and prompt joined to matrix rows when they are read, never stored in matrix_rows:
/// the projection stays a fold of the decision and config events alone (rebuildable, equal to history),
/// and a catalog built later shows up in every answer, live or ?asOf=, at once.
/// </summary>
public static class MatrixCatalogColumns
{
    public static readonly IReadOnlyList<string> Header = ["type", "prompt"];

    public static Task<Catalog?> OfBaselineAsync(CatalogReads catalogs, string baseline, CancellationToken ct) =>
        CatalogGate.CatalogOfAsync(catalogs, baseline, ct);

    public static CatalogSymbol? Find(Catalog? catalog, string symbol) =>
        catalog is not null && catalog.Symbols.TryGetValue(symbol, out var known) ? known : null;

    /// <summary>The shared CSV fields (what the audit export recomputes) followed by type and prompt.</summary>
    public static IReadOnlyList<string?> Fields(MatrixRow row, Catalog? catalog)
    {
        var known = Find(catalog, row.Symbol);
        return [.. MatrixCsvFormat.Fields(row), known?.Type, known?.Prompt];
    }
}
