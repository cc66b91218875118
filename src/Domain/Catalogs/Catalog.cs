namespace Traceability.Domain.Catalogs;

/// <summary>A kernel version's symbol catalog for one architecture directory (arm64, x86, riscv).</summary>
public sealed record Catalog(string KernelVersion, string Architecture, string Source, int Parts, IReadOnlyDictionary<string, CatalogSymbol> Symbols)
{
    public static string StreamId(string kernelVersion, string architecture) => $"catalog/{kernelVersion}/{architecture}";

    public static Catalog? Evolve(Catalog? state, object @event) => @event switch
    {
        CatalogBuilt e => new Catalog(e.KernelVersion, e.Architecture, e.Source, e.Parts, new Dictionary<string, CatalogSymbol>(StringComparer.Ordinal)),
        CatalogSymbolsRecorded e when state is not null => state with { Symbols = Merge(state.Symbols, e.Symbols) },
        _ => state,
    };

    private static Dictionary<string, CatalogSymbol> Merge(IReadOnlyDictionary<string, CatalogSymbol> known, IReadOnlyList<CatalogSymbol> added)
    {
        var symbols = new Dictionary<string, CatalogSymbol>(known, StringComparer.Ordinal);
        foreach (var symbol in added) symbols[symbol.Name] = symbol;
        return symbols;
    }
}
