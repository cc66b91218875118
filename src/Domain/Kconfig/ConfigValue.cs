namespace Traceability.Domain.Kconfig;

/// <summary>
/// A symbol's value exactly as a resolved .config writes it: y, m, n, a quoted string with
/// backslash escapes ("a \"b\""), a decimal number (-12) or a hex number (0x1f).
/// "# CONFIG_X is not set" is the value n.
/// </summary>
public static class ConfigValue
{
    public const string Yes = "y";
    public const string Module = "m";
    public const string No = "n";

    public static bool IsValid(ReadOnlySpan<char> value) =>
        value is "y" or "m" or "n" || IsQuotedString(value) || IsDecimal(value) || IsHex(value);

    /// <summary>y or m: the symbol is built in, so a decision is expected for it.</summary>
    public static bool IsEnabled(string? value) => value is Yes or Module;

    public static bool IsQuotedString(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return false;
        for (var i = 1; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (char.IsControl(c)) return false;
            if (c == '"') return false;
            if (c == '\\')
            {
                // Kconfig writes only \" and \\; anything else was not produced by it.
                if (i + 1 >= value.Length - 1 || value[i + 1] is not ('"' or '\\')) return false;
                i++;
            }
        }
        return true;
    }

    public static bool IsDecimal(ReadOnlySpan<char> value)
    {
        var digits = value.StartsWith("-") ? value[1..] : value;
        return !digits.IsEmpty && digits.Length <= 20 && IsAll(digits, char.IsAsciiDigit);
    }

    public static bool IsHex(ReadOnlySpan<char> value) =>
        value.Length > 2 && value.Length <= 18 && (value.StartsWith("0x") || value.StartsWith("0X"))
        && IsAll(value[2..], char.IsAsciiHexDigit);

    private static bool IsAll(ReadOnlySpan<char> text, Func<char, bool> test)
    {
        foreach (var c in text)
        {
            if (!test(c)) return false;
        }
        return true;
    }
}
