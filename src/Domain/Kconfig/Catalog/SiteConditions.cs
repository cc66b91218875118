using System.Text.RegularExpressions;

namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>
/// A symbol defined at several places can be set when any one site's conditions hold: Kconfig ORs
/// the sites (menu.c gives the symbol the OR of its menus' dependencies). TCP_CONG_CUBIC is defined
/// once under TCP_CONG_ADVANCED and once under !TCP_CONG_ADVANCED; reading the sites as AND made it
/// need both. Conditions are compared as written; nothing is evaluated.
/// </summary>
public static partial class SiteConditions
{
    /// <summary>
    /// One list whose items must all hold, equivalent to "site 1 or site 2 or ...": the conditions every
    /// site has, then (unless some site needs nothing more) one "A || (B &amp;&amp; C)" of what is left.
    /// </summary>
    public static IReadOnlyList<string> Either(IReadOnlyList<IReadOnlyList<string>> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (sites.Count == 0) return [];
        var common = sites[0].Where(c => sites.All(s => s.Contains(c))).Distinct().ToList();
        var rest = sites.Select(s => s.Where(c => !common.Contains(c)).Distinct().ToList()).ToList();
        if (rest.Any(r => r.Count == 0)) return common;
        var alternatives = rest.Select(All).Distinct().ToList();
        return [.. common, string.Join(" || ", alternatives.Select(Grouped))];
    }

    private static string All(List<string> conditions) => string.Join(" && ", conditions.Select(c => conditions.Count == 1 ? c : Grouped(c)));

    private static string Grouped(string expression) => Atom().IsMatch(expression) ? expression : $"({expression})";

    [GeneratedRegex(@"^!?[A-Za-z0-9_]+$")]
    private static partial Regex Atom();
}
