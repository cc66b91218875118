namespace Traceability.Domain.Catalogs;

/// <summary>
/// One Kconfig symbol as recorded: dependency expressions as written, each "value if condition";
/// Sites are "file:line" of every definition; DependsOn includes what enclosing if/menu/choice
/// blocks add.
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
    IReadOnlyList<string> Ranges);

/// <summary>
/// The symbol catalog of (kernel version, architecture) was built from Source (a path or an
/// upload's SHA-256). The symbols follow in Parts CatalogSymbolsRecorded events of the same append:
/// one event of ~20k symbols with help text is ~15 MB of JSON, too big to hash and read comfortably.
/// Problems are the parser's file:line reports.
/// </summary>
public sealed record CatalogBuilt(
    string KernelVersion, string Architecture, string Source, int SymbolCount, int Parts, IReadOnlyList<string> Problems);

public sealed record CatalogSymbolsRecorded(string KernelVersion, string Architecture, int Part, IReadOnlyList<CatalogSymbol> Symbols);
