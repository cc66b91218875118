using System.Text;

namespace Traceability.Domain.Kconfig;

/// <summary>Why one line of a .config was refused. Text is the line itself, shortened for display.</summary>
public sealed record ConfigProblem(int Line, string Text, string Message)
{
    public const int MaxTextLength = 200;

    /// <summary>
    /// The line as shown to a person: cut to MaxTextLength, and control characters (NUL, ESC, ...)
    /// replaced by U+FFFD so that a binary upload cannot garble a log or a terminal.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<char> line)
    {
        var cut = line.Length > MaxTextLength ? line[..MaxTextLength] : line;
        var text = new StringBuilder(cut.Length + 1);
        foreach (var c in cut)
        {
            text.Append(char.IsControl(c) && c != '\t' || char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        if (cut.Length < line.Length) text.Append('…');
        return text.ToString();
    }
}

/// <summary>
/// A .config was refused. Problems lists every problem found (at most KernelConfigParser.MaxProblems);
/// Truncated says that there were more.
/// </summary>
public sealed class ConfigParseException(IReadOnlyList<ConfigProblem> problems, bool truncated)
    : Exception(Summarise(problems, truncated))
{
    private const int ProblemsInMessage = 3;

    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;

    public bool Truncated { get; } = truncated;

    private static string Summarise(IReadOnlyList<ConfigProblem> problems, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = truncated ? $"more than {problems.Count}" : $"{problems.Count}";
        var noun = problems.Count == 1 && !truncated ? "problem" : "problems";
        var shown = problems.Take(ProblemsInMessage).Select(p => $"line {p.Line}: {p.Message}");
        var rest = problems.Count > ProblemsInMessage ? "; ..." : "";
        return $"{count} {noun} in .config: {string.Join("; ", shown)}{rest}";
    }
}
