using System.Text.RegularExpressions;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

/// <summary>
/// A second, deliberately naive reading of a Kconfig tree, sharing no code with the parser: regexes
/// over raw lines. To mean the same as the parser's catalog it must
/// - count only files reachable from the root by source statements with $(SRCARCH) substituted
///   (a plain glob would add the other architectures' and orphaned Kconfig files);
/// - skip help text (help prose may contain a line such as "config FOO"); here help ends at the
///   first non-blank line not indented deeper than the "help" keyword, a simpler rule than zconf's;
/// - count a name once however many files define it (arch files add defaults to generic symbols),
///   and a file once however often it is sourced (6.1 sources Documentation/Kconfig twice);
/// - take the type from the type line (bool ... def_tristate) inside the config block.
/// </summary>
internal static partial class IndependentScan
{
    [GeneratedRegex(@"^\s*(source|rsource|osource|orsource)\s+""([^""]+)""")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^\s*(menu)?config\s+([A-Za-z0-9_]+)\s*(#.*)?$")]
    private static partial Regex ConfigLine();

    [GeneratedRegex(@"^\s*(bool|tristate|string|int|hex|def_bool|def_tristate)\b")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^\s*(help|---help---)\s*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^\s*(config|menuconfig|choice|endchoice|menu|endmenu|comment|if|endif|source|rsource|osource|orsource)\b")]
    private static partial Regex EntryLine();

    public static (List<string> Files, Dictionary<string, string?> Types) Scan(string root, string srcArch)
    {
        var files = new List<string>();
        var types = new Dictionary<string, string?>();
        Visit(root, "Kconfig", srcArch, files, types);
        return (files, types);
    }

    private static void Visit(string root, string path, string srcArch, List<string> files, Dictionary<string, string?> types)
    {
        var full = Path.Combine(root, path);
        if (!File.Exists(full)) return;
        files.Add(path);
        string? current = null;
        var helpIndent = -1;
        foreach (var raw in File.ReadLines(full))
        {
            var line = raw.Replace("\t", "        ", StringComparison.Ordinal);
            if (helpIndent >= 0 && (line.Trim().Length == 0 || Indent(line) > helpIndent)) continue;
            helpIndent = -1;
            if (HelpLine().IsMatch(line)) { helpIndent = Indent(line); continue; }
            if (EntryLine().IsMatch(line)) current = null;
            if (ConfigLine().Match(line) is { Success: true } config)
            {
                current = config.Groups[2].Value;
                types.TryAdd(current, null);
            }
            else if (current is not null && TypeLine().Match(line) is { Success: true } type)
            {
                types[current] ??= type.Groups[1].Value.Replace("def_", "", StringComparison.Ordinal);
            }
            else if (SourceLine().Match(line) is { Success: true } source)
            {
                var target = source.Groups[2].Value.Replace("$(SRCARCH)", srcArch, StringComparison.Ordinal);
                if (source.Groups[1].Value.Contains('r', StringComparison.Ordinal) && source.Groups[1].Value != "source")
                    target = Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, target)));
                Visit(root, target, srcArch, files, types);
            }
        }
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
