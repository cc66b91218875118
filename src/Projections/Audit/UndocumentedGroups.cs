using Traceability.Domain.Catalogs;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>Symbols of one group that share a place: a Kconfig directory, or nothing finer (Name empty).</summary>
public sealed record UndocumentedPlace(string Name, IReadOnlyList<MatrixRow> Rows);

/// <summary>A readable share of the undocumented symbols: a top-level Kconfig menu, or a name prefix.</summary>
public sealed record UndocumentedGroup(string Name, int Count, IReadOnlyList<UndocumentedPlace> Places);

/// <summary>
/// Thousands of built-in symbols without a decision cannot be read as one alphabetical list (issue 12, item 7).
/// With the baseline's Kconfig catalog they are grouped by the top-level menu of their first definition, then by
/// the directory of its Kconfig file, as menuconfig shows them; without one, by the first word of the name
/// (USB, NET, CRYPTO...), words shared by fewer than <see cref="SmallestPrefix"/> symbols gathered at the end.
/// Groups run largest first, then by name; everything within by ordinal name, so the same rows give the same page.
/// </summary>
public static class UndocumentedGroups
{
    public const int SmallestPrefix = 5;
    public const string OutsideMenus = "(outside any menu)", NotInCatalog = "(not in the catalog)", OtherPrefixes = "(other name prefixes)";

    public static IReadOnlyList<UndocumentedGroup> Of(IReadOnlyList<MatrixRow> undocumented, Catalog? catalog) =>
        catalog is null ? ByPrefix(undocumented) : ByMenu(undocumented, catalog);

    private static List<UndocumentedGroup> ByMenu(IReadOnlyList<MatrixRow> rows, Catalog catalog) =>
        Ordered(rows.Select(r => (Row: r, Place: Place(r.Symbol, catalog)))
            .GroupBy(x => x.Place.Menu, StringComparer.Ordinal)
            .Select(g => new UndocumentedGroup(g.Key, g.Count(), [.. g.GroupBy(x => x.Place.Directory, StringComparer.Ordinal)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new UndocumentedPlace(p.Key, Sorted(p.Select(x => x.Row))))])));

    private static (string Menu, string Directory) Place(string symbol, Catalog catalog)
    {
        if (!catalog.Symbols.TryGetValue(symbol, out var s)) return (NotInCatalog, "");
        var menu = s.Definitions is [{ Menu: { Length: > 0 } path }, ..] ? path.Split(" > ")[0] : OutsideMenus;
        var file = s.Sites.Count == 0 ? "" : s.Sites[0].Split(':')[0];
        var slash = file.LastIndexOf('/');
        return (menu, slash < 0 ? "(top directory)" : file[..slash]);
    }

    private static List<UndocumentedGroup> ByPrefix(IReadOnlyList<MatrixRow> rows)
    {
        var byWord = rows.GroupBy(r => r.Symbol.Split('_')[0], StringComparer.Ordinal).ToList();
        var groups = Ordered(byWord.Where(g => g.Count() >= SmallestPrefix)
            .Select(g => new UndocumentedGroup(g.Key + "_", g.Count(), [new UndocumentedPlace("", Sorted(g))])));
        var rest = byWord.Where(g => g.Count() < SmallestPrefix).SelectMany(g => g).ToList();
        if (rest.Count > 0) groups.Add(new UndocumentedGroup(OtherPrefixes, rest.Count, [new UndocumentedPlace("", Sorted(rest))]));
        return groups;
    }

    private static List<UndocumentedGroup> Ordered(IEnumerable<UndocumentedGroup> groups) =>
        [.. groups.OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal)];

    private static List<MatrixRow> Sorted(IEnumerable<MatrixRow> rows) => [.. rows.OrderBy(r => r.Symbol, StringComparer.Ordinal)];
}
