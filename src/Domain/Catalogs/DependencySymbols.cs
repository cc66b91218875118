using System.Text.RegularExpressions;

namespace Traceability.Domain.Catalogs;

/// <summary>
/// The symbols of a Kconfig "depends on" expression whose value n could make it false, read
/// syntactically: the expression is not evaluated, only the polarity of each operand is followed.
/// A symbol under an odd number of "!" (directly, "!FOO", or through a group, "!(A &amp;&amp; B)") is
/// skipped, and so is "FOO = n" or "FOO != y": FOO=n satisfies those. Everything else a symbol is
/// compared with (another symbol, a number, a string) is kept whatever the polarity, since n might
/// then break it either way. Quoted strings, $(macro) calls, numbers and the literals y/m/n are not
/// symbols; names may start with a digit (64BIT).
/// </summary>
public static partial class DependencySymbols
{
    public static IReadOnlyList<string> Of(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var tokens = Token().Matches(WithoutMacros(Quoted().Replace(expression, " \" "))).Select(m => m.Value).ToList();
        var found = new List<string>();
        var groups = new Stack<bool>([true]);
        var negate = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var positive = groups.Peek() != negate;
            switch (tokens[i])
            {
                case "!": negate = !negate; continue;
                case "(": groups.Push(positive); break;
                case ")": if (groups.Count > 1) groups.Pop(); break;
                case var left when i + 2 < tokens.Count && IsComparison(tokens[i + 1]):
                    found.AddRange(Compared(left, tokens[i + 1], tokens[i + 2], positive));
                    i += 2;
                    break;
                case var word when positive && IsSymbolName(word): found.Add(word); break;
            }
            negate = false;
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A word that names a symbol: not the tristate literals y/m/n, not a decimal or 0x hex number.</summary>
    public static bool IsSymbolName(string word) =>
        !string.IsNullOrEmpty(word) && word is not ("y" or "m" or "n") && !Number().IsMatch(word)
        && word.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Only a symbol compared with a tristate literal has a known polarity; "= n" and "!= y|m" flip it.</summary>
    private static IEnumerable<string> Compared(string left, string op, string right, bool positive)
    {
        var (symbol, literal) = IsTristate(right) ? (left, right) : IsTristate(left) ? (right, left) : (null, null);
        if (symbol is null) return new[] { left, right }.Where(IsSymbolName);
        var satisfiedByNo = (op, literal) is ("=", "n") or ("!=", "y" or "m");
        var keep = op is not ("=" or "!=") || positive != satisfiedByNo;
        return keep && IsSymbolName(symbol) ? [symbol] : [];
    }

    private static bool IsTristate(string word) => word is "y" or "m" or "n";

    private static bool IsComparison(string token) => token is "=" or "!=" or "<" or "<=" or ">" or ">=";

    // $(cc-option,...) calls nest ($(success,$(CC) -v)), so the innermost is removed until none is left.
    private static string WithoutMacros(string text)
    {
        for (var previous = ""; previous != text;) (previous, text) = (text, Macro().Replace(text, " \" "));
        return text;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\$\([^()]*\)")]
    private static partial Regex Macro();

    [GeneratedRegex("^(?:[0-9]+|0[xX][0-9a-fA-F]+)$")]
    private static partial Regex Number();

    // A quoted string or macro call is left as a lone '"' so that "ARCH = \"arm64\"" still reads as a comparison.
    [GeneratedRegex(@"!=|<=|>=|&&|\|\||[()!=<>""]|[A-Za-z0-9_]+|[^\s]")]
    private static partial Regex Token();
}
