using System.Text.RegularExpressions;

namespace Traceability.Domain.Catalogs;

/// <summary>
/// The symbol a "select" or "imply" names, with the condition that guards it ("Y if COND" as the
/// catalog records it; null when unconditional). The condition is kept as written, never evaluated.
/// </summary>
public sealed partial record GuardedSymbol(string Symbol, string? Condition)
{
    /// <summary>
    /// Null for anything that is not one symbol optionally followed by "if" and a condition (a quoted
    /// word, a number, y/m/n, two words): Kconfig would not accept it, so it forces nothing.
    /// </summary>
    public static GuardedSymbol? Parse(string? text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success || !DependencySymbols.IsSymbolName(match.Groups["symbol"].Value)) return null;
        var condition = match.Groups["condition"];
        return new GuardedSymbol(match.Groups["symbol"].Value, condition.Success ? condition.Value.Trim() : null);
    }

    [GeneratedRegex(@"^\s*(?<symbol>[A-Za-z0-9_]+)(?:\s+if\s+(?<condition>\S.*))?\s*$", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
