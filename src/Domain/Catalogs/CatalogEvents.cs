namespace Traceability.Domain.Catalogs;

/// <summary>
/// One Kconfig symbol as recorded: dependency expressions as written, each "value if condition";
/// Sites are "file:line" of every definition; DependsOn includes what enclosing if/menu/choice
/// blocks add, and every item of it must hold: for a symbol defined at several sites it is what all
/// sites share plus one "A || B" of the rest (Kconfig takes any one site's conditions).
/// Definitions (absent from catalogs recorded before it existed) gives each site's own conditions
/// and menu path, in the order of Sites.
/// </summary>
public sealed record CatalogSymbol(
    string Name,
    string? Type,
    string? Prompt,
    string? Help,
    IReadOnlyList<string> Sites,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Selects,
    IReadOnlyList<string> Implies,
    IReadOnlyList<string> Defaults,
    IReadOnlyList<string> Ranges,
    IReadOnlyList<CatalogDefinition>? Definitions = null);

/// <summary>One definition site: "file:line", what must hold there (enclosing blocks' conditions, then its own), and its menu path.</summary>
public sealed record CatalogDefinition(string Site, IReadOnlyList<string> DependsOn, string? Menu);

/// <summary>
/// The symbol catalog of (kernel version, architecture) was built from Source (a path or an
/// upload's SHA-256). The symbols follow in Parts CatalogSymbolsRecorded events of the same append:
/// one event of ~20k symbols with help text is ~15 MB of JSON, too big to hash and read comfortably.
/// Problems are the parser's file:line reports.
/// </summary>
public sealed record CatalogBuilt(
    string KernelVersion, string Architecture, string Source, int SymbolCount, int Parts, IReadOnlyList<string> Problems);

public sealed record CatalogSymbolsRecorded(string KernelVersion, string Architecture, int Part, IReadOnlyList<CatalogSymbol> Symbols);
