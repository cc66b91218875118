using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;

namespace Traceability.Api.Catalogs;

/// <summary>
/// Catalogs are written once and never change, so each is folded once per process and kept: a
/// catalog is ~18 events of ~1 MB, too much to re-read for every symbol lookup or decision.
/// </summary>
public sealed class CatalogReads(EventStore store)
{
    private readonly ConcurrentDictionary<string, Catalog> _catalogs = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Catalog, DependencyIndex> _dependencies = new();

    /// <summary>Null when no catalog was built for (kernel version, architecture).</summary>
    public async Task<Catalog?> FindAsync(string kernelVersion, string architecture, CancellationToken ct)
    {
        var stream = Catalog.StreamId(kernelVersion, architecture);
        if (_catalogs.TryGetValue(stream, out var cached)) return cached;
        Catalog? catalog = null;
        foreach (var e in await store.ReadStreamAsync(stream, null, ct)) catalog = Catalog.Evolve(catalog, e.Data);
        // Only a complete catalog is kept; the parts are appended together with CatalogBuilt anyway.
        if (catalog is not null && catalog.Symbols.Count > 0) _catalogs[stream] = catalog;
        return catalog;
    }

    /// <summary>Built on first use and kept as long as the catalog is: the reverse links of ~20k symbols take a full scan.</summary>
    public DependencyIndex DependenciesOf(Catalog catalog) =>
        _dependencies.GetValue(catalog, c => DependencyIndex.Build(c.Symbols.Values));

    public async Task<IReadOnlyList<CatalogView>> ListAsync(CancellationToken ct)
    {
        var views = new List<CatalogView>();
        foreach (var stream in await StreamIndex.ByTypeAsync(store.DataSource, CatalogView.StreamType, ct))
        {
            var first = await store.ReadStreamAsync(stream.Id, new ReadBound(MaxVersion: 1), ct);
            if (first.Count == 1 && CatalogView.From(first[0], stream.Version) is { } view) views.Add(view);
        }
        return views;
    }
}
