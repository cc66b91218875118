using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Traceability.Api.Commands;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

namespace Traceability.Api.Catalogs;

public sealed record CatalogKey(string KernelVersion, string Architecture);

/// <summary>
/// Catalogs are written once and never change, so each is folded once per process and kept: a
/// catalog is ~18 events of ~1 MB, too much to re-read for every symbol lookup or decision.
/// </summary>
public sealed class CatalogReads(EventLog log)
{
    private readonly ConcurrentDictionary<string, Catalog> _catalogs = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Catalog, DependencyIndex> _dependencies = new();
    private readonly ConcurrentDictionary<string, CatalogKey> _baselines = new(StringComparer.Ordinal);

    /// <summary>
    /// The (kernel version, architecture) of a baseline's catalog. Both are fixed when the baseline and
    /// its platform are created, so a found key is kept: decision reads ask for it on every request.
    /// </summary>
    public async Task<CatalogKey?> KeyOfAsync(string baseline, CancellationToken ct)
    {
        if (_baselines.TryGetValue(baseline, out var known)) return known;
        // Platform and kernel version are fixed at creation (version 1): the imported configs, a few MB, are not read.
        var created = await log.ReadStreamAsync(Baseline.StreamId(baseline), 1, ct);
        var key = created is [{ Data: BaselineCreated b }] ? await KeyForAsync(b.Platform, b.KernelVersion, ct) : null;
        if (key is not null) _baselines[baseline] = key;
        return key;
    }

    /// <summary>The key a baseline of this platform and kernel version has (or would have: a derive's new baseline).</summary>
    public async Task<CatalogKey?> KeyForAsync(string platformId, string kernelVersion, CancellationToken ct)
    {
        var (platform, _) = await log.LoadAsync<Platform>(Platform.StreamId(platformId), Platform.Evolve, ct);
        var architecture = CatalogArchitectures.Of(platform?.Architecture);
        return architecture is null ? null : new CatalogKey(kernelVersion, architecture);
    }

    /// <summary>Null when no catalog was built for (kernel version, architecture).</summary>
    public async Task<Catalog?> FindAsync(string kernelVersion, string architecture, CancellationToken ct)
    {
        var stream = Catalog.StreamId(kernelVersion, architecture);
        if (_catalogs.TryGetValue(stream, out var cached)) return cached;
        Catalog? catalog = null;
        foreach (var e in await log.ReadStreamAsync(stream, null, ct)) catalog = Catalog.Evolve(catalog, e.Data);
        // Only a complete catalog is kept; the parts are appended together with CatalogBuilt anyway.
        if (catalog is not null && catalog.Symbols.Count > 0) _catalogs[stream] = catalog;
        return catalog;
    }

    /// <summary>
    /// The catalog a baseline of this key uses: the one of its exact kernel version, else one of the same
    /// series (major.minor) and architecture (see KernelSeries.Preferred). Stable releases within a series
    /// keep their symbols, so Debian's 6.12.117 catalog serves a 6.12.5 baseline; null when there is none.
    /// </summary>
    public async Task<Catalog?> OfferedAsync(CatalogKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await FindAsync(key.KernelVersion, key.Architecture, ct) is { } exact) return exact;
        var series = KernelSeries.Of(key.KernelVersion);
        if (series is null) return null;
        var suffix = "/" + key.Architecture;
        var versions = (await log.StreamsAsync(CatalogView.StreamType + "/", ct))
            .Select(s => s.Id["catalog/".Length..]).Where(id => id.EndsWith(suffix, StringComparison.Ordinal))
            .Select(id => id[..^suffix.Length]).Where(v => KernelSeries.Of(v) == series);
        foreach (var version in KernelSeries.Preferred(versions))
        {
            if (await FindAsync(version, key.Architecture, ct) is { Symbols.Count: > 0 } offered) return offered;
        }
        return null;
    }

    /// <summary>Built on first use and kept as long as the catalog is: the reverse links of ~20k symbols take a full scan.</summary>
    public DependencyIndex DependenciesOf(Catalog catalog) =>
        _dependencies.GetValue(catalog, c => DependencyIndex.Build(c.Symbols.Values));

    public async Task<IReadOnlyList<CatalogView>> ListAsync(CancellationToken ct)
    {
        var views = new List<CatalogView>();
        foreach (var stream in await log.StreamsAsync(CatalogView.StreamType + "/", ct))
        {
            var first = await log.ReadStreamAsync(stream.Id, 1, ct);
            if (first.Count == 1 && CatalogView.From(first[0], stream.Version) is { } view) views.Add(view);
        }
        return views;
    }
}
