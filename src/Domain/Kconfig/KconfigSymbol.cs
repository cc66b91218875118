using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Kconfig;

/// <summary>Kconfig symbol names: stored without the CONFIG_ prefix, shown with it in exports.</summary>
public static class KconfigSymbol
{
    public const string Prefix = "CONFIG_";
    public const int MaxLength = 128;

    /// <summary>Strips an optional CONFIG_ prefix; null when what is left is not a symbol name.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        var bare = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name;
        return IsValidName(bare) ? bare : null;
    }

    public static bool TryNormalize(string? name, [NotNullWhen(true)] out string? symbol)
    {
        symbol = Normalize(name);
        return symbol is not null;
    }

    /// <summary>Kconfig names are ASCII letters, digits and underscores (e.g. 64BIT, HZ_100).</summary>
    public static bool IsValidName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxLength) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    public static string Display(string symbol) => Prefix + symbol;
}
