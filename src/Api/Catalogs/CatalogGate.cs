using Traceability.Api.Commands;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

namespace Traceability.Api.Catalogs;

/// <summary>422: the symbol is not in the catalog of the baseline's kernel version and architecture.</summary>
public sealed class SymbolNotInCatalog(string symbol, string catalog)
    : Exception($"CONFIG_{symbol} is not a symbol of the {catalog} Kconfig catalog; check the name, or send force: true with a forceReason.");

/// <summary>
/// A decision about a symbol the kernel does not have is almost always a typo or a stale name. The
/// baseline's catalog is the one of its kernel version and its platform's architecture (arm64 →
/// arm64, x86_64 → x86); when no such catalog was built, nothing is checked.
/// </summary>
public static class CatalogGate
{
    public static async Task EnsureKnownAsync(
        EventStore store, CatalogReads catalogs, string baseline, string symbol, bool force, CancellationToken ct)
    {
        var catalog = await CatalogOfAsync(store, catalogs, baseline, ct);
        if (catalog is null || force || catalog.Symbols.ContainsKey(symbol)) return;
        throw new SymbolNotInCatalog(symbol, $"{catalog.KernelVersion}/{catalog.Architecture}");
    }

    public static async Task<Catalog?> CatalogOfAsync(EventStore store, CatalogReads catalogs, string baseline, CancellationToken ct)
    {
        var key = await catalogs.KeyOfAsync(baseline, async token =>
        {
            // Platform and kernel version are fixed at creation (version 1): the imported configs, a few MB, are not read.
            var created = await store.ReadStreamAsync(Baseline.StreamId(baseline), new ReadBound(MaxVersion: 1), token);
            return created is [{ Data: BaselineCreated b }] ? await KeyForAsync(store, b.Platform, b.KernelVersion, token) : null;
        }, ct);
        return key is null ? null : await catalogs.FindAsync(key.KernelVersion, key.Architecture, ct);
    }

    /// <summary>The catalog a baseline of this platform and kernel version has (or would have: a derive's new baseline).</summary>
    public static async Task<Catalog?> CatalogForAsync(
        EventStore store, CatalogReads catalogs, string platformId, string kernelVersion, CancellationToken ct)
    {
        var key = await KeyForAsync(store, platformId, kernelVersion, ct);
        return key is null ? null : await catalogs.FindAsync(key.KernelVersion, key.Architecture, ct);
    }

    private static async Task<CatalogKey?> KeyForAsync(EventStore store, string platformId, string kernelVersion, CancellationToken ct)
    {
        var (platform, _) = await store.LoadAsync<Platform>(Platform.StreamId(platformId), Platform.Evolve, ct);
        var architecture = CatalogArchitectures.Of(platform?.Architecture);
        return architecture is null ? null : new CatalogKey(kernelVersion, architecture);
    }
}
