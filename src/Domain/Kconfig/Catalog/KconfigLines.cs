namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>Physical-line helpers: continuation lines, indentation as Kconfig counts it, help text.</summary>
internal static class KconfigLines
{
    public static string[] Split(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        }
        return lines;
    }

    /// <summary>Joins a line ending in "\" with the next ones; next is the index after the last one used.</summary>
    public static string Logical(string[] lines, int index, out int next)
    {
        var line = lines[index];
        next = index + 1;
        if (!line.EndsWith('\\')) return line;
        var joined = new System.Text.StringBuilder();
        while (line.EndsWith('\\') && next < lines.Length)
        {
            joined.Append(line, 0, line.Length - 1).Append(' ');
            line = lines[next++];
        }
        return joined.Append(line.TrimEnd('\\')).ToString();
    }

    /// <summary>Columns of leading white space, a tab advancing to the next multiple of 8 (as zconf.l does).</summary>
    public static int Indent(string line)
    {
        var columns = 0;
        foreach (var c in line)
        {
            if (c == '\t') columns = (columns & ~7) + 8;
            else if (c == ' ') columns++;
            else break;
        }
        return columns;
    }

    /// <summary>
    /// The help text after the "help" line at index start. Kconfig's rule: the first non-blank line
    /// sets the indentation; the text ends at the first non-blank line indented less than that (or
    /// not at all). Blank lines inside are kept; indentation beyond the first line's is kept.
    /// </summary>
    public static string? Help(string[] lines, int start, out int next)
    {
        var text = new List<string>();
        var first = 0;
        next = start;
        for (; next < lines.Length; next++)
        {
            var line = lines[next];
            if (string.IsNullOrWhiteSpace(line)) { text.Add(""); continue; }
            var indent = Indent(line);
            if (indent == 0 || (first > 0 && indent < first)) break;
            if (first == 0) first = indent;
            text.Add(new string(' ', indent - first) + line.Trim());
        }
        while (text.Count > 0 && text[^1].Length == 0) text.RemoveAt(text.Count - 1);
        while (text.Count > 0 && text[0].Length == 0) text.RemoveAt(0);
        return text.Count == 0 ? null : string.Join('\n', text);
    }
}
