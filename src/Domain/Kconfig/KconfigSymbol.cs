using System.Diagnostics.CodeAnalysis;

namespace Traceability.Domain.Kconfig;

/// <summary>Kconfig symbol names: stored without the CONFIG_ prefix, shown with it in exports.</summary>
public static class KconfigSymbol
{
    public const string Prefix = "CONFIG_";
    public const int MaxLength = 128;

    /// <summary>Strips an optional CONFIG_ prefix; null when what is left is not a symbol name (see <see cref="Problem"/>).</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        var bare = Bare(name);
        return IsValidName(bare) && !HasConfigPrefix(bare) ? bare : null;
    }

    /// <summary>
    /// Why a name a person typed is not a symbol, or null when it is one. Only the upper-case CONFIG_ is
    /// a prefix: "config_kasan" was once stored as the symbol config_kasan (shown CONFIG_config_kasan),
    /// and no Kconfig symbol's own name begins with config_ in any case, so such a name is a typo.
    /// </summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "A symbol name is required, such as FUTEX or CONFIG_FUTEX.";
        var bare = Bare(name);
        if (!IsValidName(bare))
            return $"'{name}' is not a Kconfig symbol name such as FUTEX or CONFIG_FUTEX (letters, digits, '_'; at most {MaxLength}).";
        if (!HasConfigPrefix(bare)) return null;
        var meant = bare[Prefix.Length..].ToUpperInvariant();
        return $"'{name}' is not a symbol name: only the upper-case prefix CONFIG_ is stripped, and no Kconfig symbol's own name "
            + $"begins with '{bare[..Prefix.Length]}'. Did you mean {(IsValidName(meant) ? Prefix + meant : "an upper-case CONFIG_ prefix")}?";
    }

    private static string Bare(string name) => name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name;

    private static bool HasConfigPrefix(string bare) => bare.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

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
