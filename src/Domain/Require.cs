namespace Traceability.Domain;

/// <summary>Small guards shared by the Decide functions, so each rule reads as one line.</summary>
internal static class Require
{
    /// <summary>A broken domain rule: the API answers 409.</summary>
    public static void Rule(bool condition, string message)
    {
        if (!condition) throw new DomainRuleViolated(message);
    }

    /// <summary>Texts the domain insists on (reason, rationale): missing one breaks a rule.</summary>
    public static string Text(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleViolated($"{Article(what, capital: true)} {what} is required.") : value.Trim();

    /// <summary>"a" or "an" before <paramref name="word"/> (by its first letter: enough for the words the rules use).</summary>
    public static string Article(string word, bool capital = false)
    {
        var an = word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal);
        return (capital, an) switch { (true, true) => "An", (true, false) => "A", (false, true) => "an", _ => "a" };
    }

    /// <summary>Malformed input (400) rather than a rule break.</summary>
    public static string NotBlank(string? value, string paramName) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{paramName} must not be empty.", paramName)
            : value.Trim();

    public static IReadOnlyList<string> List(IReadOnlyList<string>? values) => values ?? [];

    /// <summary>Sorted and de-duplicated, so equal sets compare and serialize equal.</summary>
    public static IReadOnlyList<string> SortedSet(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
