namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>A word, a quoted string (Text unquoted) or an operator; Start/End index the logical line.</summary>
internal readonly record struct Token(string Text, bool Quoted, int Start, int End)
{
    public bool Is(string word) => !Quoted && Text == word;
}

/// <summary>
/// Splits one logical Kconfig line into tokens. "#" outside a string starts a comment. A macro
/// reference "$(...)" is part of the word it appears in, spaces and commas included, because
/// $(cc-option,...) calls are written with arguments that look like anything.
/// </summary>
internal static class KconfigTokens
{
    private const string Operators = "=!<>&|()";

    public static List<Token> Split(string line, out string? error)
    {
        error = null;
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t') { i++; continue; }
            if (c == '#') break;
            var start = i;
            if (c is '"' or '\'')
            {
                var text = QuotedString(line, ref i, out error);
                if (error is not null) return tokens;
                tokens.Add(new Token(text, true, start, i));
            }
            else if (Operators.Contains(c, StringComparison.Ordinal) && !IsMacroStart(line, i))
            {
                i += OperatorLength(line, i);
                tokens.Add(new Token(line[start..i], false, start, i));
            }
            else
            {
                i = WordEnd(line, i, out error);
                if (error is not null) return tokens;
                tokens.Add(new Token(line[start..i], false, start, i));
            }
        }
        return tokens;
    }

    private static bool IsMacroStart(string line, int i) => line[i] == '$';

    private static int OperatorLength(string line, int i)
    {
        var two = i + 1 < line.Length ? line.Substring(i, 2) : "";
        return two is "!=" or "<=" or ">=" or "&&" or "||" ? 2 : 1;
    }

    private static string QuotedString(string line, ref int i, out string? error)
    {
        var quote = line[i++];
        var text = new System.Text.StringBuilder();
        while (i < line.Length && line[i] != quote)
        {
            if (line[i] == '\\' && i + 1 < line.Length) i++;
            text.Append(line[i++]);
        }
        error = i < line.Length ? null : "unterminated string";
        i++;
        return text.ToString();
    }

    private static int WordEnd(string line, int i, out string? error)
    {
        error = null;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '$' && i + 1 < line.Length && line[i + 1] == '(')
            {
                i = MacroEnd(line, i + 2);
                if (i < 0) { error = "unterminated $( macro reference"; return line.Length; }
                continue;
            }
            if (c is ' ' or '\t' or '#' or '"' or '\'' || Operators.Contains(c, StringComparison.Ordinal)) break;
            i++;
        }
        return i;
    }

    /// <summary>The index after the ")" that closes a "$(" opened just before i; -1 when none does.</summary>
    private static int MacroEnd(string line, int i)
    {
        for (var depth = 1; i < line.Length; i++)
        {
            if (line[i] == '(') depth++;
            else if (line[i] == ')' && --depth == 0) return i + 1;
        }
        return -1;
    }
}
