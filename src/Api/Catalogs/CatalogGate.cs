using Traceability.Domain.Catalogs;

namespace Traceability.Api.Catalogs;

/// <summary>422: the symbol is not in the catalog of the baseline's kernel version and architecture.</summary>
public sealed class SymbolNotInCatalog(string symbol, string catalog)
    : Exception($"CONFIG_{symbol} is not a symbol of the {catalog} Kconfig catalog; check the name, or send force: true with a forceReason.");

/// <summary>
/// A decision about a symbol the kernel does not have is almost always a typo or a stale name. The
/// baseline's catalog is the one of its kernel version, or else of its kernel series, and its
/// platform's architecture (arm64 → arm64, x86_64 → x86); when there is none, nothing is checked and
/// the decision's response says so.
/// </summary>
public static class CatalogGate
{
    public static async Task EnsureKnownAsync(
        CatalogReads catalogs, string baseline, string symbol, bool force, CancellationToken ct)
    {
        var catalog = await CatalogOfAsync(catalogs, baseline, ct);
        if (catalog is null || force || catalog.Symbols.ContainsKey(symbol)) return;
        throw new SymbolNotInCatalog(symbol, $"{catalog.KernelVersion}/{catalog.Architecture}");
    }

    public static async Task<Catalog?> CatalogOfAsync(CatalogReads catalogs, string baseline, CancellationToken ct) =>
        await FindAsync(catalogs, await catalogs.KeyOfAsync(baseline, ct), ct);

    /// <summary>The catalog a baseline of this platform and kernel version has (or would have: a derive's new baseline).</summary>
    public static async Task<Catalog?> CatalogForAsync(
        CatalogReads catalogs, string platformId, string kernelVersion, CancellationToken ct) =>
        await FindAsync(catalogs, await catalogs.KeyForAsync(platformId, kernelVersion, ct), ct);

    private static async Task<Catalog?> FindAsync(CatalogReads catalogs, CatalogKey? key, CancellationToken ct) =>
        key is null ? null : await catalogs.OfferedAsync(key, ct);
}
