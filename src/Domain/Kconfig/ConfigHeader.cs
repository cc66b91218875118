namespace Traceability.Domain.Kconfig;

/// <summary>The comment conf writes at the top: "# Linux/arm64 6.12.117 Kernel Configuration".</summary>
internal static class ConfigHeader
{
    private const string Prefix = "# Linux/";
    private const string Suffix = " Kernel Configuration";

    public static bool TryParse(ReadOnlySpan<char> line, out string architecture, out string version)
    {
        architecture = version = "";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal) || !line.EndsWith(Suffix, StringComparison.Ordinal)) return false;
        var words = line[Prefix.Length..^Suffix.Length];
        var space = words.IndexOf(' ');
        if (space <= 0) return false;
        var arch = words[..space];
        var ver = words[(space + 1)..];
        if (!IsWord(arch) || !IsWord(ver)) return false;
        architecture = arch.ToString();
        version = ver.ToString();
        return true;
    }

    // Architecture names (arm64, x86, riscv) and versions (6.12.117, 6.13.0-rc1) have no spaces
    // and nothing outside this set, so a hand-written comment cannot be mistaken for the header.
    private static bool IsWord(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+')) return false;
        }
        return true;
    }
}
