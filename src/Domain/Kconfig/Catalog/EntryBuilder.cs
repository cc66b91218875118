namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>
/// The entry whose attributes are being read: a config, menuconfig, choice, menu or comment.
/// Attributes a kind does not take are refused with a message, never applied silently.
/// A menu's or choice's "depends on" applies to everything inside it, so for those the
/// dependsOn list given is the enclosing block's own list.
/// </summary>
internal sealed class EntryBuilder(
    string kind, string? name, SourceSite site, IReadOnlyList<string> inherited, string? choice,
    List<string>? dependsOn = null, string? menu = null)
{
    private static readonly HashSet<string> Types = ["bool", "tristate", "string", "int", "hex"];

    public string Kind { get; } = kind;
    public string? Name { get; } = name;
    public SourceSite Site { get; } = site;
    public string? Type { get; private set; }
    public List<Guarded> Prompts { get; } = [];
    public string? Help { get; set; }
    public List<string> DependsOn { get; } = dependsOn ?? [];
    public List<Guarded> Selects { get; } = [];
    public List<Guarded> Implies { get; } = [];
    public List<Guarded> Defaults { get; } = [];
    public List<Guarded> Ranges { get; } = [];
    public List<string> Flags { get; } = [];
    public List<string> VisibleIf { get; } = [];

    public bool IsSymbol => Kind is "config" or "menuconfig";

    /// <summary>Applies one attribute line; returns the problem when the line is not a valid attribute here.</summary>
    public string? Apply(string line, List<Token> tokens)
    {
        var keyword = tokens[0].Text;
        if (!Accepts(keyword)) return $"'{keyword}' is not valid in a {Kind}";
        var args = tokens.Skip(1).ToList();
        return keyword switch
        {
            _ when Types.Contains(keyword) => SetType(keyword, args.Count == 0 ? null : Conditional(line, args, true)),
            "def_bool" or "def_tristate" => DefaultWithType(keyword[4..], line, args),
            "prompt" => Add(Prompts, line, args, prompt: true),
            "default" => Add(Defaults, line, args),
            "select" => Add(Selects, line, args),
            "imply" => Add(Implies, line, args),
            "range" => Add(Ranges, line, args),
            "depends" => DependsOnLine(line, args, DependsOn),
            "visible" => VisibleIfLine(line, args),
            "option" => Flag("option " + Text(line, args)),
            _ => Flag(keyword),
        };
    }

    private bool Accepts(string keyword) => (Kind, keyword) switch
    {
        ("menu", _) => keyword is "depends" or "visible",
        ("comment", _) => keyword is "depends",
        ("choice", _) => keyword is "bool" or "tristate" or "prompt" or "default" or "depends" or "optional"
            or "visible" or "def_bool" or "def_tristate" or "transitional",
        (_, "optional" or "visible") => false,
        _ => true,
    };

    private string? SetType(string type, Guarded? prompt)
    {
        if (Type is not null && Type != type) return $"type {type} conflicts with {Type} given before";
        Type = type;
        if (prompt is not null) Prompts.Add(prompt);
        return null;
    }

    private string? DefaultWithType(string type, string line, List<Token> args) =>
        SetType(type, null) ?? Add(Defaults, line, args);

    private static string? Add(List<Guarded> list, string line, List<Token> args, bool prompt = false)
    {
        if (args.Count == 0 || args[0].Is("if")) return "a value is missing";
        var guarded = Conditional(line, args, prompt);
        if (guarded.Condition is { Length: 0 }) return "'if' is not followed by a condition";
        list.Add(guarded);
        return null;
    }

    private static string? DependsOnLine(string line, List<Token> args, List<string> target)
    {
        if (args.Count < 2 || !args[0].Is("on")) return "'depends' must be followed by 'on' and an expression";
        target.Add(Text(line, args.Skip(1).ToList()));
        return null;
    }

    private string? VisibleIfLine(string line, List<Token> args)
    {
        if (args.Count < 2 || !args[0].Is("if")) return "'visible' must be followed by 'if' and an expression";
        VisibleIf.Add(Text(line, args.Skip(1).ToList()));
        return null;
    }

    private string? Flag(string flag)
    {
        Flags.Add(flag);
        return null;
    }

    /// <summary>Splits "value if condition" at the first unquoted "if"; a prompt's value is unquoted.</summary>
    private static Guarded Conditional(string line, List<Token> args, bool prompt)
    {
        var split = args.FindIndex(t => t.Is("if"));
        var value = split < 0 ? args : args.Take(split).ToList();
        var text = prompt && value.Count == 1 ? value[0].Text : Text(line, value);
        return new Guarded(text, split < 0 ? null : Text(line, args.Skip(split + 1).ToList()));
    }

    private static string Text(string line, List<Token> tokens) =>
        tokens.Count == 0 ? "" : line[tokens[0].Start..tokens[^1].End];

    public SymbolDefinition ToDefinition() => new(
        Site, Kind, Type, Prompts, Help, DependsOn, inherited, Selects, Implies, Defaults, Ranges, Flags, choice, menu);
}
