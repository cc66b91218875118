using System.Text.RegularExpressions;

namespace Traceability.Domain.Catalogs;

/// <summary>
/// The symbols a Kconfig "depends on" expression names, read syntactically: the expression is not
/// evaluated. Operators, "=", parentheses, quoted strings, numbers and the literals y/m/n are skipped,
/// and so is a symbol negated directly ("!FOO"), since requiring FOO to be off is satisfied by FOO=n.
/// </summary>
public static partial class DependencySymbols
{
    public static IReadOnlyList<string> Of(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var unquoted = Quoted().Replace(expression, " ");
        return Identifier().Matches(unquoted)
            .Where(m => !m.Groups["negated"].Success && m.Groups["name"].Value is not ("y" or "m" or "n"))
            .Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'")]
    private static partial Regex Quoted();

    // "!" counts only when it is the operand's own prefix, not the first half of "!=".
    [GeneratedRegex(@"(?<negated>!\s*)?(?<![A-Za-z0-9_$])(?<name>[A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])")]
    private static partial Regex Identifier();
}
