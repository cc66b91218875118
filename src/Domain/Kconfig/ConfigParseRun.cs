namespace Traceability.Domain.Kconfig;

/// <summary>The state of one parse: fed line by line, it collects entries and every problem.</summary>
internal sealed class ConfigParseRun
{
    private readonly List<ConfigEntry> _entries = [];
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);
    private readonly List<ConfigProblem> _problems = [];
    private bool _truncated;
    private string? _architecture;
    private string? _kernelVersion;
    private string _firstText = "";

    /// <summary>True once the cap is exceeded: reading on would only cost time.</summary>
    public bool IsSaturated => _truncated;

    public void Accept(int number, ReadOnlySpan<char> text)
    {
        if (number == 1) _firstText = ConfigProblem.Excerpt(text);
        var line = ConfigLine.Parse(text);
        switch (line.Kind)
        {
            case ConfigLineKind.Problem:
                Report(number, text, line.Error);
                break;
            case ConfigLineKind.Comment:
                ReadHeader(text.Trim(" \t"));
                break;
            case ConfigLineKind.Assignment:
                Assign(number, text, line);
                break;
        }
    }

    /// <summary>A line whose bytes are not UTF-8: its decoded text means nothing, so it is not parsed.</summary>
    public void RejectUndecodable(int number, ReadOnlySpan<char> text) =>
        Report(number, text, "invalid UTF-8: the file must be UTF-8 (or ASCII) text");

    public KernelConfig Finish(string sha256)
    {
        if (_entries.Count == 0 && _problems.Count == 0)
        {
            Report(1, _firstText, "no CONFIG_ symbols: the file is empty or holds only comments");
        }
        if (_problems.Count > 0) throw new ConfigParseException(_problems.AsReadOnly(), _truncated);
        return new KernelConfig(_architecture, _kernelVersion, _entries.AsReadOnly(), sha256);
    }

    private void Assign(int number, ReadOnlySpan<char> text, ConfigLine line)
    {
        if (_firstLine.TryAdd(line.Symbol, number))
        {
            _entries.Add(new ConfigEntry(line.Symbol, line.Value, number));
            return;
        }
        // conf itself lets the last assignment win; for a baseline that is an ambiguity to fix.
        var first = _firstLine[line.Symbol];
        Report(number, text, $"{KconfigSymbol.Display(line.Symbol)} is assigned again (first on line {first})");
    }

    // Only the leading comment block: a later comment that happens to look like a header
    // (a pasted fragment) must not relabel the file.
    private void ReadHeader(ReadOnlySpan<char> comment)
    {
        if (_architecture is not null || _entries.Count > 0) return;
        if (ConfigHeader.TryParse(comment, out var architecture, out var version))
        {
            _architecture = architecture;
            _kernelVersion = version;
        }
    }

    private void Report(int number, ReadOnlySpan<char> text, string message)
    {
        if (_problems.Count >= KernelConfigParser.MaxProblems)
        {
            _truncated = true;
            return;
        }
        _problems.Add(new ConfigProblem(number, ConfigProblem.Excerpt(text), message));
    }
}
