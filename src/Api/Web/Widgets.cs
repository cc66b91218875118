using System.Globalization;

namespace Traceability.Api.Web;

/// <summary>Small pieces every page area uses: problems, notices, status and flag badges, times, symbol names.</summary>
public static class Widgets
{
    /// <summary>The API's problem next to the form that caused it: title, detail and each field's errors.</summary>
    public static Html Problem(ApiProblem? problem)
    {
        if (problem is null) return Html.Empty;
        var errors = problem.Errors.SelectMany(e => e.Value.Select(m => Html.Of($"<li><strong>{e.Key}</strong>: {m}</li>"))).ToList();
        return Html.Of($"""
            <div class="problem" role="alert"><p><strong>{problem.Title}</strong> <span class="status">({problem.Status})</span></p>
            {(problem.Detail is null ? Html.Empty : Html.Of($"<p>{problem.Detail}</p>"))}
            {(errors.Count == 0 ? Html.Empty : Html.Of($"<ul>{errors}</ul>"))}</div>
            """);
    }

    public static Html Notice(string? text) => text is null ? Html.Empty : Html.Of($"""<p class="notice" role="status">{text}</p>""");

    public static Html Status(string? status) => status is null
        ? Html.Of($"""<span class="badge none">undecided</span>""")
        : Html.Of($"""<span class="badge {status}">{status}</span>""");

    public static Html Flags(IEnumerable<string> flags) =>
        Html.Join(flags.Select(f => Html.Of($"""<span class="flag {f}">{f}</span> """)));

    public static Html Time(DateTimeOffset? time) => time is not { } t ? Html.Empty : Html.Of(
        $"""<time datetime="{t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}">{t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>""");

    /// <summary>Config and decided values in code type; an absent value (symbol not in the .config) is said in words.</summary>
    public static Html Value(string? value) => value is null
        ? Html.Of($"""<span class="absent">not in .config</span>""")
        : Html.Of($"<code>{value}</code>");

    public static Html DecisionLink(string baseline, string symbol) =>
        Html.Of($"""<a href="{Href.To("baselines", baseline, "decisions", Bare(symbol))}"><code>{Display(symbol)}</code></a>""");

    public static string Bare(string symbol) => symbol.StartsWith("CONFIG_", StringComparison.Ordinal) ? symbol[7..] : symbol;

    public static string Display(string symbol) => "CONFIG_" + Bare(symbol);

    public static Html List(IEnumerable<Html> items, string empty = "none")
    {
        var all = items.ToList();
        return all.Count == 0 ? Html.Of($"""<span class="muted">{empty}</span>""") : Html.Of($"<ul class=\"items\">{all.Select(i => Html.Of($"<li>{i}</li>"))}</ul>");
    }
}
