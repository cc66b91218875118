using Traceability.Domain.Catalogs;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Catalogs;

/// <summary>What a catalog build records, whichever way it came: a parsed tree (on the server or uploaded) or a compact catalog.</summary>
public sealed record CatalogInput(
    string KernelVersion, string Architecture, string Origin, IReadOnlyList<CatalogSymbol> Symbols, IReadOnlyList<string> Problems)
{
    /// <summary>Parses the tree for the architecture's SRCARCH; ct (the request's) stops the parse between files.</summary>
    public static CatalogInput Parse(IKconfigSource source, string kernelVersion, string architecture, string origin, CancellationToken ct)
    {
        var parsed = KconfigParser.Parse(source, KconfigParser.VariablesFor(architecture), ct: ct);
        if (parsed.Symbols.Count == 0)
            throw new ArgumentException($"No Kconfig symbol was found: {string.Join("; ", parsed.Problems.Take(3))}");
        var compact = CompactCatalog.From(parsed, kernelVersion, architecture, origin);
        return new CatalogInput(kernelVersion, architecture, origin, compact.Symbols, compact.Problems);
    }
}
