namespace Traceability.Domain.Kconfig;

/// <summary>Explains why a quoted .config value is malformed; ConfigValue only says whether it is.</summary>
internal static class ConfigString
{
    /// <summary>Null when the quoted string is well formed.</summary>
    public static string? Error(ReadOnlySpan<char> value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '"':
                    return i == value.Length - 1 ? null : $"text after the closing quote: {ConfigLine.Quote(value[(i + 1)..])}";
                case '\\' when i + 1 >= value.Length:
                    return "unterminated string: it ends in a backslash";
                case '\\' when value[i + 1] is '"' or '\\':
                    i++;
                    break;
                case '\\':
                    return $"invalid escape '\\{value[i + 1]}' in string: only \\\" and \\\\ are allowed";
                case var c when char.IsControl(c):
                    return $"control character U+{(int)c:X4} in string";
            }
        }
        return "unterminated string: no closing quote";
    }
}
