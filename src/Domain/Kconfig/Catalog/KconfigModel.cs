namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>Where something was written: a path relative to the tree's root and a 1-based line.</summary>
public sealed record SourceSite(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A construct the parser could not read; it is skipped and parsing goes on.</summary>
public sealed record KconfigProblem(SourceSite Site, string Message)
{
    public override string ToString() => $"{Site}: {Message}";
}

/// <summary>A value or expression as written, with the "if" condition that guards it (null when unguarded).</summary>
public sealed record Guarded(string Value, string? Condition)
{
    public override string ToString() => Condition is null ? Value : $"{Value} if {Condition}";
}

/// <summary>A macro definition (X := ..., X = ..., X += ...) recorded as written; never evaluated.</summary>
public sealed record KconfigMacro(string Name, string Flavor, string Value, SourceSite Site);

/// <summary>
/// One "config"/"menuconfig" block. Inherited holds the conditions of the enclosing if, menu
/// "depends on" and choice blocks, which Kconfig adds to the entry's own dependencies. Menu is the
/// path of the enclosing menus' prompts ("Networking support &gt; Networking options"), null at the top.
/// </summary>
public sealed record SymbolDefinition(
    SourceSite Site,
    string Kind,
    string? Type,
    IReadOnlyList<Guarded> Prompts,
    string? Help,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Inherited,
    IReadOnlyList<Guarded> Selects,
    IReadOnlyList<Guarded> Implies,
    IReadOnlyList<Guarded> Defaults,
    IReadOnlyList<Guarded> Ranges,
    IReadOnlyList<string> Flags,
    string? Choice,
    string? Menu)
{
    /// <summary>What must hold for this site's definition to apply: the enclosing blocks' conditions, then its own.</summary>
    public IReadOnlyList<string> Conditions => [.. Inherited, .. DependsOn];
}

/// <summary>
/// A symbol with every place it is defined. Type, Prompt and Help are those of the first
/// definition (in source order) that has one, which is what menuconfig shows.
/// </summary>
public sealed record CatalogEntry(string Name, string? Type, string? Prompt, string? Help, IReadOnlyList<SymbolDefinition> Definitions)
{
    public IEnumerable<Guarded> Selects => Definitions.SelectMany(d => d.Selects);

    /// <summary>What must hold for the symbol to be set at all: any one site's conditions (see <see cref="SiteConditions"/>).</summary>
    public IReadOnlyList<string> DependsOn => SiteConditions.Either(Definitions.Select(d => d.Conditions).ToList());
}

/// <summary>The result of parsing one architecture's Kconfig tree.</summary>
public sealed record KconfigCatalog(
    string? MainMenu,
    IReadOnlyList<CatalogEntry> Symbols,
    IReadOnlyList<string> Files,
    IReadOnlyList<KconfigMacro> Macros,
    IReadOnlyList<KconfigProblem> Problems)
{
    public CatalogEntry? Find(string name) => Symbols.FirstOrDefault(s => s.Name == name);
}
