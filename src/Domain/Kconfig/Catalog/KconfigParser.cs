namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>
/// Reads a Kconfig tree from its root file, following source/rsource/osource/orsource, and
/// returns the symbol catalog. Nothing is evaluated: expressions are kept as written. A construct
/// it cannot read is reported with file:line and skipped, so one odd line never loses a tree.
/// </summary>
public sealed partial class KconfigParser
{
    private static readonly HashSet<string> Attributes =
    [
        "bool", "tristate", "string", "int", "hex", "def_bool", "def_tristate", "prompt", "default",
        "depends", "select", "imply", "range", "visible", "modules", "option", "optional", "transitional",
    ];

    private readonly IKconfigSource _source;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly KconfigLimits _limits;
    private readonly CancellationToken _cancellation;
    private readonly List<Block> _blocks = [];
    private readonly Stack<string> _including = new();
    private readonly SymbolTable _symbols = new();
    private readonly List<string> _files = [];
    private readonly List<KconfigMacro> _macros = [];
    private readonly List<KconfigProblem> _problems = [];
    private EntryBuilder? _entry;
    private string? _mainMenu;
    private long _characters;

    private KconfigParser(IKconfigSource source, IReadOnlyDictionary<string, string> variables, KconfigLimits limits, CancellationToken ct)
    {
        _source = source;
        _variables = variables;
        _limits = limits;
        _cancellation = ct;
    }

    /// <summary>
    /// Variables are what make passes in the environment, e.g. SRCARCH=arm64, ARCH=arm64; they
    /// are used to resolve source paths such as "arch/$(SRCARCH)/Kconfig". Throws
    /// <see cref="KconfigTreeTooLarge"/> past the limits, and stops between files when ct is cancelled.
    /// </summary>
    public static KconfigCatalog Parse(
        IKconfigSource source, IReadOnlyDictionary<string, string> variables, string root = "Kconfig",
        KconfigLimits? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(variables);
        var parser = new KconfigParser(source, variables, limits ?? KconfigLimits.Default, ct);
        parser.Include(new SourceSite(root, 0), root, optional: false, "the root file");
        return new KconfigCatalog(parser._mainMenu, parser._symbols.Entries(parser._problems), parser._files, parser._macros, parser._problems);
    }

    /// <summary>The variables make sets for an architecture directory (arm64, x86, ...).</summary>
    public static IReadOnlyDictionary<string, string> VariablesFor(string srcArch) => new Dictionary<string, string>
    {
        ["SRCARCH"] = srcArch,
        ["ARCH"] = srcArch,
        ["HEADER_ARCH"] = srcArch,
    };

    private void ParseFile(string path, string text)
    {
        _including.Push(path);
        _files.Add(path);
        var depth = _blocks.Count;
        var lines = KconfigLines.Split(text);
        for (var index = 0; index < lines.Length;)
        {
            var site = new SourceSite(path, index + 1);
            var line = KconfigLines.Logical(lines, index, out index);
            if (MacroDefinition(site, line)) continue;
            var tokens = KconfigTokens.Split(line, out var error);
            if (error is not null) Problem(site, error);
            else if (tokens.Count > 0 && tokens[0] is { Quoted: false } first && first.Text is "help" or "---help---")
                ReadHelp(site, tokens, lines, ref index);
            else if (tokens.Count > 0) Statement(site, line, tokens);
        }
        FinishEntry();
        CloseBlocksOf(path, depth);
        _including.Pop();
    }

    private void ReadHelp(SourceSite site, List<Token> tokens, string[] lines, ref int index)
    {
        var help = KconfigLines.Help(lines, index, out index);
        if (tokens.Count > 1) Problem(site, "'help' must be alone on its line");
        if (_entry is null || _entry.Kind is "menu" or "comment") Problem(site, "help text outside of a config or choice");
        else _entry.Help = help;
    }

    private void Statement(SourceSite site, string line, List<Token> tokens)
    {
        var keyword = tokens[0].Quoted ? "" : tokens[0].Text;
        if (Attributes.Contains(keyword)) { Attribute(site, line, tokens); return; }
        if (MacroCall(site, line, tokens)) return;
        FinishEntry();
        switch (keyword)
        {
            case "config" or "menuconfig": Config(site, keyword, tokens); break;
            case "choice": OpenChoice(site, tokens); break;
            case "menu": OpenMenu(site, tokens); break;
            case "if": OpenIf(site, line, tokens); break;
            case "endchoice" or "endmenu" or "endif": Close(site, keyword[3..]); break;
            case "comment": _entry = new EntryBuilder("comment", null, site, [], null); break;
            case "mainmenu": _mainMenu = tokens.Count > 1 ? tokens[1].Text : null; break;
            case "source" or "rsource" or "osource" or "orsource": Source(site, keyword, tokens); break;
            // Never the line itself: a tree's files may be anything (a link to /etc/passwd once put its lines here).
            default: Problem(site, "unknown construct (not a Kconfig statement)"); break;
        }
    }

    private void Attribute(SourceSite site, string line, List<Token> tokens)
    {
        if (_entry is null) { Problem(site, $"'{tokens[0].Text}' outside of an entry"); return; }
        var problem = _entry.Apply(line, tokens);
        if (problem is not null) Problem(site, problem);
    }

    private void Config(SourceSite site, string kind, List<Token> tokens)
    {
        if (tokens.Count != 2 || tokens[1].Quoted || !KconfigSymbol.IsValidName(tokens[1].Text))
        {
            Problem(site, $"'{kind}' must be followed by exactly one symbol name");
            return;
        }
        _entry = new EntryBuilder(kind, tokens[1].Text, site, Inherited(), CurrentChoice(), menu: MenuPath());
    }

    private void FinishEntry()
    {
        if (_entry is { IsSymbol: true, Name: not null }) _symbols.Add(_entry.Name, _entry.ToDefinition());
        _entry = null;
    }

    private void Problem(SourceSite site, string message) => _problems.Add(new KconfigProblem(site, message));
}
