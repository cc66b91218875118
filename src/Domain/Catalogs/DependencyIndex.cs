namespace Traceability.Domain.Catalogs;

/// <summary>How one symbol's Kconfig entry names another.</summary>
public enum LinkKind
{
    /// <summary>"depends on": From cannot be built in while To is n (when To appears with a polarity n can break).</summary>
    DependsOn,

    /// <summary>"select": From being y/m forces To on, over To's own dependencies and any decision.</summary>
    Selects,

    /// <summary>"imply": From being y/m makes To default on; an explicit n for To still wins.</summary>
    Implies,
}

/// <summary>From's entry says: From depends on / selects / implies To, when Condition (as written) holds.</summary>
public sealed record SymbolLink(string From, LinkKind Kind, string To, string? Condition);

/// <summary>
/// Every depends-on, select and imply link of a catalog, looked up from either end: what a symbol
/// names (From) and which symbols name it (To). The reverse lookup is the point: "who depends on
/// NET" would otherwise mean reading all ~20k symbols of a real catalog for every decision, so the
/// index is built once per catalog (catalogs never change) and kept with it.
/// </summary>
public sealed class DependencyIndex
{
    private readonly Dictionary<string, List<SymbolLink>> _from = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SymbolLink>> _to = new(StringComparer.Ordinal);

    private DependencyIndex()
    {
    }

    public static DependencyIndex Build(IEnumerable<CatalogSymbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var index = new DependencyIndex();
        foreach (var link in symbols.SelectMany(LinksOf).Distinct()) index.Add(link);
        return index;
    }

    /// <summary>The links written in the symbol's own entry.</summary>
    public IReadOnlyList<SymbolLink> From(string symbol) => _from.TryGetValue(symbol, out var links) ? links : [];

    /// <summary>The links other entries write to the symbol.</summary>
    public IReadOnlyList<SymbolLink> To(string symbol) => _to.TryGetValue(symbol, out var links) ? links : [];

    /// <summary>A symbol naming itself says nothing about another decision, so such links are left out.</summary>
    public static IEnumerable<SymbolLink> LinksOf(CatalogSymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var dependencies = Needed(symbol).Select(d => new SymbolLink(symbol.Name, LinkKind.DependsOn, d, null));
        var forced = Guarded(symbol.Name, LinkKind.Selects, symbol.Selects).Concat(Guarded(symbol.Name, LinkKind.Implies, symbol.Implies));
        return dependencies.Concat(forced).Where(l => l.To != symbol.Name);
    }

    /// <summary>
    /// The symbols whose n could make every definition site's conditions false: Kconfig ORs the sites, so a
    /// symbol one site needs and another does not (TCP_CONG_ADVANCED for TCP_CONG_CUBIC) is not a dependency.
    /// A catalog recorded before Definitions existed has only the sites' conditions run together: for a
    /// symbol with several sites it cannot tell which belongs where, so it claims none.
    /// </summary>
    private static IEnumerable<string> Needed(CatalogSymbol symbol)
    {
        if (symbol.Definitions is not { Count: > 0 } sites)
            return symbol.Sites.Count > 1 ? [] : symbol.DependsOn.SelectMany(DependencySymbols.Of);
        var needed = sites[0].DependsOn.SelectMany(DependencySymbols.Of).ToList();
        foreach (var site in sites.Skip(1))
        {
            var here = site.DependsOn.SelectMany(DependencySymbols.Of).ToHashSet(StringComparer.Ordinal);
            needed.RemoveAll(s => !here.Contains(s));
        }
        return needed;
    }

    private static IEnumerable<SymbolLink> Guarded(string from, LinkKind kind, IReadOnlyList<string> texts) =>
        texts.Select(GuardedSymbol.Parse).OfType<GuardedSymbol>().Select(g => new SymbolLink(from, kind, g.Symbol, g.Condition));

    private void Add(SymbolLink link)
    {
        Append(_from, link.From, link);
        Append(_to, link.To, link);
    }

    private static void Append(Dictionary<string, List<SymbolLink>> links, string key, SymbolLink link)
    {
        if (links.TryGetValue(key, out var list)) list.Add(link);
        else links[key] = [link];
    }
}
