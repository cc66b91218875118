using System.Globalization;
using System.Text.RegularExpressions;

namespace Traceability.Domain.Catalogs;

/// <summary>
/// A symbol added in the newer catalog that may be the removed one renamed. Match is "prompt" (the
/// normalised prompts are equal, Score 1) or "text" (Score is the Jaccard overlap of the prompt+help
/// words); Evidence quotes the candidate's prompt and the start of its help.
/// </summary>
public sealed record RenameSuggestion(string Symbol, string Match, double Score, string? Prompt, string Evidence);

/// <summary>
/// Rename suggestions between two catalogs of one architecture. Only symbols added in To (absent from
/// From) are candidates: a symbol both kernels have was not renamed into. Text is compared normalised
/// (case-insensitive, whitespace collapsed); a rename usually keeps its prompt or most of its help.
/// </summary>
public sealed partial class CatalogRenames
{
    public const double MinimumScore = 0.6;
    public const int MaxSuggestions = 3;
    private const int ExcerptLength = 160;

    private readonly Catalog _from;
    private readonly Catalog _to;
    private readonly List<(CatalogSymbol Symbol, string? Prompt, HashSet<string> Words)> _added;

    public CatalogRenames(Catalog from, Catalog to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        (_from, _to) = (from, to);
        _added = to.Symbols.Values.Where(s => !from.Symbols.ContainsKey(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s, Normalise(s.Prompt), Words(s))).ToList();
    }

    public string FromName => Name(_from);

    public string ToName => Name(_to);

    public static string Name(Catalog catalog) => $"{catalog?.KernelVersion}/{catalog?.Architecture}";

    /// <summary>True when From has the symbol and To does not.</summary>
    public bool Left(string symbol) => _from.Symbols.ContainsKey(symbol) && !_to.Symbols.ContainsKey(symbol);

    public IReadOnlyList<RenameSuggestion> Suggest(string symbol)
    {
        if (!_from.Symbols.TryGetValue(symbol, out var removed)) return [];
        var prompt = Normalise(removed.Prompt);
        var words = Words(removed);
        var ranked = new List<RenameSuggestion>();
        foreach (var (candidate, candidatePrompt, candidateWords) in _added)
        {
            if (prompt is not null && prompt == candidatePrompt)
                ranked.Add(Suggestion(candidate, "prompt", 1.0));
            else if (Jaccard(words, candidateWords) is var score and >= MinimumScore)
                ranked.Add(Suggestion(candidate, "text", Math.Round(score, 2)));
        }
        return ranked.OrderBy(s => s.Match == "prompt" ? 0 : 1).ThenByDescending(s => s.Score)
            .ThenBy(s => s.Symbol, StringComparer.Ordinal).Take(MaxSuggestions).ToList();
    }

    public static string? Normalise(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Whitespace().Replace(text.Trim(), " ").ToLowerInvariant();

    private static RenameSuggestion Suggestion(CatalogSymbol candidate, string match, double score)
    {
        var help = Normalise(candidate.Help);
        var excerpt = help is null ? "" : $"; help \"{(help.Length > ExcerptLength ? help[..ExcerptLength] + "…" : help)}\"";
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"{(match == "prompt" ? "same prompt" : $"{score:0.00} of prompt+help words shared")}: prompt \"{candidate.Prompt}\"{excerpt}");
        return new RenameSuggestion(candidate.Name, match, score, candidate.Prompt, evidence);
    }

    private static HashSet<string> Words(CatalogSymbol symbol) =>
        Word().Matches(Normalise($"{symbol.Prompt} {symbol.Help}") ?? "").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[a-z0-9_]+")]
    private static partial Regex Word();
}
