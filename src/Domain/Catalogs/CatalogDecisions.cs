using System.Text.RegularExpressions;
using Traceability.Domain.Kconfig;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Domain.Catalogs;

public static partial class CatalogDecisions
{
    /// <summary>Measured on 6.12 arm64: ~1 MB of JSON per 1,000 symbols, so ~18 events per catalog.</summary>
    public const int SymbolsPerPart = 1000;

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+)?([-+~.][A-Za-z0-9.+~-]*)?$")]
    private static partial Regex KernelVersionPattern();

    public static bool IsKernelVersion(string? version) =>
        version is { Length: > 0 and <= 64 } && KernelVersionPattern().IsMatch(version);

    /// <summary>A catalog is recorded once: its symbols are evidence others point to, so it never changes.</summary>
    public static IReadOnlyList<object> Build(Catalog? state, string kernelVersion, string architecture, string source, KconfigCatalog parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Symbols.Count == 0 && state is null)
            throw new ArgumentException($"No Kconfig symbol was found: {string.Join("; ", parsed.Problems.Take(3))}");
        return Build(state, kernelVersion, architecture, source, parsed.Symbols.Select(ToRecorded).ToList(),
            parsed.Problems.Select(p => p.ToString()).ToList());
    }

    /// <summary>
    /// The same from symbols already in recorded form (a compact catalog generated from a tree): each
    /// must be named as Kconfig names symbols and appear once, since lookups and links go by name.
    /// </summary>
    public static IReadOnlyList<object> Build(
        Catalog? state, string kernelVersion, string architecture, string source, IReadOnlyList<CatalogSymbol> symbols, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(problems);
        if (state is not null)
            throw new DomainRuleViolated($"The catalog of {kernelVersion} for {architecture} was already built from {state.Source}.");
        if (symbols.Count == 0) throw new ArgumentException("The catalog has no symbol.");
        if (symbols.FirstOrDefault(s => !KconfigSymbol.IsValidName(s.Name)) is { } bad)
            throw new ArgumentException($"Symbol #{IndexOf(symbols, bad)} is not named as Kconfig names symbols.");
        if (symbols.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{KconfigSymbol.Display(twice.Key)} appears more than once.");
        var parts = symbols.Chunk(SymbolsPerPart).Select((chunk, i) => new CatalogSymbolsRecorded(kernelVersion, architecture, i + 1, chunk)).ToList();
        return [new CatalogBuilt(kernelVersion, architecture, source, symbols.Count, parts.Count, problems), .. parts];
    }

    private static int IndexOf(IReadOnlyList<CatalogSymbol> symbols, CatalogSymbol symbol) =>
        symbols.Select((s, i) => (s, i)).First(p => ReferenceEquals(p.s, symbol)).i + 1;

    public static CatalogSymbol ToRecorded(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var definitions = entry.Definitions;
        return new CatalogSymbol(
            entry.Name, entry.Type, entry.Prompt, entry.Help,
            definitions.Select(d => d.Site.ToString()).ToList(),
            entry.DependsOn.ToList(),
            Texts(definitions.SelectMany(d => d.Selects)),
            Texts(definitions.SelectMany(d => d.Implies)),
            Texts(definitions.SelectMany(d => d.Defaults)),
            Texts(definitions.SelectMany(d => d.Ranges)),
            definitions.Select(d => new CatalogDefinition(d.Site.ToString(), d.Conditions, d.Menu)).ToList());
    }

    private static List<string> Texts(IEnumerable<Guarded> values) => values.Select(v => v.ToString()).ToList();
}
