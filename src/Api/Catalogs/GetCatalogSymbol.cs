using Traceability.Api.Http;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Kconfig;

namespace Traceability.Api.Catalogs;

public static class GetCatalogSymbol
{
    public static async Task<Ok<CatalogSymbol>> Handle(string version, string arch, string name, CatalogReads catalogs, CancellationToken ct)
    {
        var architecture = CatalogArchitectures.Of(arch) ?? throw new ResourceNotFound($"Catalog {version}/{arch}");
        var catalog = await catalogs.FindAsync(version, architecture, ct) ?? throw new ResourceNotFound($"Catalog {version}/{architecture}");
        var symbol = KconfigSymbol.Normalize(name);
        return symbol is not null && catalog.Symbols.TryGetValue(symbol, out var found)
            ? TypedResults.Ok(found)
            : throw new ResourceNotFound($"Symbol {name} in catalog {version}/{architecture}");
    }
}
