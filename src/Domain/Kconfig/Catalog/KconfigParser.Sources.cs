using System.Text.RegularExpressions;

namespace Traceability.Domain.Kconfig.Catalog;

public sealed partial class KconfigParser
{
    private const int MaxDepth = 64;

    [GeneratedRegex(@"^\s*([A-Za-z0-9_-]+)\s*(:=|\+=|=)\s*(.*?)\s*$")]
    private static partial Regex MacroDefinitionLine();

    [GeneratedRegex(@"\$\(([A-Za-z0-9_-]+)\)")]
    private static partial Regex VariableReference();

    /// <summary>A bare "$(fn,...)" line (e.g. $(error-if,...)) is recorded as written, not evaluated.</summary>
    private bool MacroCall(SourceSite site, string line, List<Token> tokens)
    {
        if (tokens[0].Text.StartsWith("$(", StringComparison.Ordinal) && !tokens[0].Quoted)
        {
            var call = tokens[0].Text[2..];
            var end = call.IndexOfAny([',', ')']);
            _macros.Add(new KconfigMacro(end < 0 ? call : call[..end], "call", line.Trim(), site));
            return true;
        }
        return false;
    }

    /// <summary>
    /// "X := v", "X = v", "X += v" recorded as written and never evaluated. Checked before the line
    /// is split into tokens because a value may be anything, e.g. quote := ".
    /// </summary>
    private bool MacroDefinition(SourceSite site, string line)
    {
        var match = MacroDefinitionLine().Match(line);
        if (!match.Success) return false;
        _macros.Add(new KconfigMacro(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, site));
        return true;
    }

    private void Source(SourceSite site, string keyword, List<Token> tokens)
    {
        if (tokens.Count != 2) { Problem(site, $"'{keyword}' must be followed by exactly one path"); return; }
        var path = Expand(site, tokens[1].Text);
        if (path is null) return;
        if (keyword.StartsWith('r') || keyword.StartsWith("or", StringComparison.Ordinal))
            path = Path.Combine(Path.GetDirectoryName(_including.Peek()) ?? "", path);
        path = Normalize(path);
        if (path.Contains('*', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            Problem(site, $"wildcards in source paths are not supported: {Shown(path)}");
            return;
        }
        Include(site, path, optional: keyword.StartsWith('o'), "sourced file");
    }

    private void Include(SourceSite site, string path, bool optional, string what)
    {
        if (_including.Contains(path)) { Problem(site, $"{Shown(path)} sources itself (recursive inclusion)"); return; }
        if (_including.Count >= MaxDepth) { Problem(site, $"source statements nest deeper than {MaxDepth}"); return; }
        _cancellation.ThrowIfCancellationRequested();
        if (_files.Count >= _limits.MaxFiles) throw KconfigTreeTooLarge.Files(_limits, site);
        var file = _source.Read(path);
        if (file.Text is not null)
        {
            _characters += file.Text.Length;
            if (_characters > _limits.MaxCharacters) throw KconfigTreeTooLarge.Characters(_limits, site);
            ParseFile(path, file.Text);
        }
        else if (file.Refusal is not null) Problem(site, $"{what} {Shown(path)} was not read: {file.Refusal}");
        else if (!optional) Problem(site, $"{what} {Shown(path)} does not exist");
    }

    /// <summary>Paths come from the tree's text: only a plain one is repeated in a problem, at most 200 characters.</summary>
    private static string Shown(string path) =>
        path.Length <= 200 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or '$' or '(' or ')')
            ? path
            : "(a path with unusual characters)";

    /// <summary>$(NAME) from the caller's variables, then from macros defined so far; unknown ones are a problem.</summary>
    private string? Expand(SourceSite site, string path)
    {
        string? missing = null;
        var expanded = VariableReference().Replace(path, match =>
        {
            var name = match.Groups[1].Value;
            if (_variables.TryGetValue(name, out var value)) return value;
            var macro = _macros.LastOrDefault(m => m.Name == name && m.Flavor is ":=" or "=");
            if (macro is not null && !macro.Value.Contains("$(", StringComparison.Ordinal)) return macro.Value;
            missing ??= name;
            return match.Value;
        });
        if (missing is not null) Problem(site, $"$({missing}) in source path {Shown(path)} is not a known variable");
        return missing is null ? expanded : null;
    }

    /// <summary>Forward slashes, no "." or ".." segments, so the same file always has the same name.</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            // A ".." above the root stays, so that the source sees the path leave the tree.
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
