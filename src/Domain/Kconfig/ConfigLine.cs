using System.Buffers;

namespace Traceability.Domain.Kconfig;

internal enum ConfigLineKind { Blank, Comment, Assignment, Problem }

/// <summary>
/// One line of a resolved .config, classified without regard to its neighbours. Follows what
/// scripts/kconfig/confdata.c writes: "CONFIG_X=value", "# CONFIG_X is not set", "#" comments.
/// </summary>
internal readonly record struct ConfigLine(ConfigLineKind Kind, string Symbol, string Value, string Error)
{
    private const string NotSetPrefix = "# CONFIG_";
    private const string NotSetSuffix = " is not set";

    // Tab is ordinary whitespace; every other C0/C1 control (NUL first of all) means the input
    // is not a text file, or was mangled on the way.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c != '\t')]);

    public static ConfigLine Parse(ReadOnlySpan<char> line)
    {
        if (FindInvalidCharacter(line) is { } error) return Problem(error);
        var trimmed = line.Trim(" \t");
        if (trimmed.IsEmpty) return new(ConfigLineKind.Blank, "", "", "");
        return trimmed[0] == '#' ? ParseComment(trimmed) : ParseAssignment(trimmed);
    }

    private static ConfigLine Assignment(ReadOnlySpan<char> symbol, string value) =>
        new(ConfigLineKind.Assignment, symbol.ToString(), value, "");

    private static ConfigLine Problem(string error) => new(ConfigLineKind.Problem, "", "", error);

    private static string? FindInvalidCharacter(ReadOnlySpan<char> line)
    {
        var at = line.IndexOfAny(Controls);
        if (at >= 0) return line[at] == '\0' ? "NUL byte: this is not a text file" : $"control character U+{(int)line[at]:X4}";
        at = line.IndexOfAnyInRange('\uD800', '\uDFFF');
        // Surrogates are fine in pairs (emoji in a string); a lone one is broken text.
        return at >= 0 && HasLoneSurrogate(line[at..]) ? "invalid Unicode text (unpaired surrogate)" : null;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static ConfigLine ParseComment(ReadOnlySpan<char> line)
    {
        if (line.StartsWith(NotSetPrefix, StringComparison.Ordinal) && line.EndsWith(NotSetSuffix, StringComparison.Ordinal))
        {
            var name = line[NotSetPrefix.Length..^NotSetSuffix.Length];
            return KconfigSymbol.IsValidName(name) ? Assignment(name, ConfigValue.No) : Problem(NameError(name));
        }
        // "#CONFIG_X is not set" or "#  CONFIG_X  is not set" was meant as n; kconfig would read
        // it as a comment and the symbol would silently go missing from the baseline.
        var body = line[1..].TrimStart(" \t");
        return body.StartsWith(KconfigSymbol.Prefix, StringComparison.Ordinal) && body.EndsWith("is not set", StringComparison.Ordinal)
            ? Problem($"malformed 'is not set' comment: expected exactly '# CONFIG_NAME is not set'")
            : new(ConfigLineKind.Comment, "", "", "");
    }

    private static ConfigLine ParseAssignment(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith(KconfigSymbol.Prefix, StringComparison.Ordinal))
        {
            return Problem("not a .config line: expected CONFIG_NAME=value, '# CONFIG_NAME is not set' or a # comment");
        }
        var rest = line[KconfigSymbol.Prefix.Length..];
        var equals = rest.IndexOf('=');
        if (equals < 0) return Problem($"missing '=value' after {Quote(line)}");
        var name = rest[..equals];
        if (!KconfigSymbol.IsValidName(name)) return Problem(NameError(name));
        var value = rest[(equals + 1)..];
        return ConfigValue.IsValid(value) ? Assignment(name, Intern(value)) : Problem(ValueError(value));
    }

    // Most values are y, m or n: share the constants instead of allocating thousands of copies.
    private static string Intern(ReadOnlySpan<char> value) => value switch
    {
        "y" => ConfigValue.Yes,
        "m" => ConfigValue.Module,
        "n" => ConfigValue.No,
        _ => value.ToString(),
    };

    private static string NameError(ReadOnlySpan<char> name) =>
        name.IsEmpty ? "empty symbol name after CONFIG_"
        : name.Length > KconfigSymbol.MaxLength ? $"symbol name longer than {KconfigSymbol.MaxLength} characters"
        : $"invalid symbol name {Quote(name)}: only ASCII letters, digits and '_' are allowed";

    private static string ValueError(ReadOnlySpan<char> value) =>
        value.IsEmpty ? "missing value after '='"
        : value[0] == '"' ? ConfigString.Error(value) ?? $"invalid string {Quote(value)}"
        : $"invalid value {Quote(value)}: expected y, m, n, a \"quoted string\", a decimal or a 0x hex number";

    internal static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= 60 ? $"'{text}'" : $"'{text[..60]}...'";
}
