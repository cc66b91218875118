using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Catalogs;

/// <summary>
/// What deciding a symbol y/m or n conflicts with among the baseline's other active decisions, in
/// both directions of every depends-on, select and imply link of the catalog:
/// <list type="bullet">
/// <item>deciding X y/m: X depends on Y decided n (X cannot take effect); X selects Y decided n (the
/// build turns Y on anyway); X implies Y decided n (only a default, the n wins: said so, since the
/// kernel's authors suggest Y with X and a reviewer should see the two decisions disagree).</item>
/// <item>deciding Y n: the same three links seen from Y, for every X decided y or m.</item>
/// </list>
/// A conditional select or imply ("Y if COND") is treated as possibly applying and names its condition.
/// Which depends-on symbols count is DependencySymbols' polarity reading. Nothing is evaluated: not the
/// conditions, not the rest of a depends-on expression (A || B warns for A=n alone), not chains (X
/// depends on Y depends on Z), not y versus m, not Y decided y while X depends on !Y, not prompts,
/// defaults, ranges or choices, and only y/m/n decisions take part (strings and numbers never warn).
/// </summary>
public static class DependencyConflicts
{
    /// <summary>The symbols whose decisions matter: those X's links name for y/m, those naming Y for n; none otherwise.</summary>
    public static IReadOnlyList<string> Counterparts(DependencyIndex index, string symbol, string value)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (ConfigValue.IsEnabled(value)) return index.From(symbol).Select(l => l.To).Distinct(StringComparer.Ordinal).ToList();
        if (value == ConfigValue.No) return index.To(symbol).Select(l => l.From).Distinct(StringComparer.Ordinal).ToList();
        return [];
    }

    /// <summary>decided: the other symbols' active (proposed or approved) decided values.</summary>
    public static IReadOnlyList<string> Warnings(
        DependencyIndex index, string symbol, string value, IReadOnlyDictionary<string, string> decided)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(decided);
        return Conflicts(index, symbol, value, decided)
            .OrderBy(c => c.Link.Kind).ThenBy(c => c.Other, StringComparer.Ordinal).ThenBy(c => c.Link.Condition, StringComparer.Ordinal)
            .Select(c => c.Text).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(SymbolLink Link, string Other, string Text)> Conflicts(
        DependencyIndex index, string symbol, string value, IReadOnlyDictionary<string, string> decided)
    {
        if (ConfigValue.IsEnabled(value))
        {
            return index.From(symbol).Where(l => decided.GetValueOrDefault(l.To) == ConfigValue.No)
                .Select(l => (l, l.To, Deciding(l)));
        }
        if (value != ConfigValue.No) return [];
        return index.To(symbol).Where(l => ConfigValue.IsEnabled(decided.GetValueOrDefault(l.From)))
            .Select(l => (l, l.From, DecidingNo(l, decided[l.From])));
    }

    /// <summary>Worded from the symbol just decided y/m (From) towards To, decided n.</summary>
    public static string Deciding(SymbolLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (from, to) = (KconfigSymbol.Display(link.From), KconfigSymbol.Display(link.To));
        return link.Kind switch
        {
            LinkKind.DependsOn => $"{from} depends on {to}, which is decided n",
            LinkKind.Selects => $"{from} selects {to}{If(link)}, which is decided n: the build will turn {to} on{Holds(link)}",
            _ => $"{from} implies {to}{If(link)}, which is decided n: that is only a default, which the n decision overrides",
        };
    }

    /// <summary>Worded from the symbol just decided n (To) towards From, decided value (y or m).</summary>
    public static string DecidingNo(SymbolLink link, string value)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (from, to) = (KconfigSymbol.Display(link.From), KconfigSymbol.Display(link.To));
        return link.Kind switch
        {
            LinkKind.DependsOn => $"{from} depends on {to}; deciding {to} n leaves the {value} decision on {from} without effect",
            LinkKind.Selects =>
                $"{from} selects {to}{If(link)}; the {value} decision on {from} overrides deciding {to} n: the build will turn {to} on{Holds(link)}",
            _ => $"{from} implies {to}{If(link)}; for the {value} decision on {from} that is only a default, which deciding {to} n overrides",
        };
    }

    private static string If(SymbolLink link) => link.Condition is null ? "" : $" (if {link.Condition})";

    private static string Holds(SymbolLink link) => link.Condition is null ? "" : " if the condition holds";
}
