using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Conformance;

/// <summary>
/// What fails a check besides deviations and missing symbols, which always do (DOMAIN.md: CI fails the
/// build on deviations "and, as configured, on suspect or unapproved decisions"). ?failOn= names the
/// categories (comma-joined or repeated, "none" for none); without it a suspect decision fails, since
/// an assessor would not accept an approval whose grounds have changed. ?strict=true turns them all on.
/// </summary>
public sealed record CheckPolicy(IReadOnlySet<string> FailOn, bool Strict)
{
    public const string Suspect = "suspect";
    public const string Unapproved = "unapproved";
    public const string SymbolMissing = "symbol-missing";
    public const string Undecided = "undecided";
    public const string None = "none";

    public static readonly IReadOnlyList<string> Categories = [Suspect, Unapproved, SymbolMissing, Undecided];
    public static readonly IReadOnlyList<string> Default = [Suspect];

    public bool Fails(string category) => FailOn.Contains(category);

    /// <summary>The active categories in their documented order, for the report.</summary>
    public IReadOnlyList<string> Names => Categories.Where(FailOn.Contains).ToList();

    public static CheckPolicy Parse(string[]? failOn, bool strict)
    {
        if (strict) return new CheckPolicy(Categories.ToHashSet(StringComparer.Ordinal), true);
        if (failOn is null || failOn.Length == 0) return new CheckPolicy(Default.ToHashSet(StringComparer.Ordinal), false);
        var words = failOn.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var unknown = words.Where(w => w != None && !Categories.Contains(w)).ToList();
        if (unknown.Count > 0)
        {
            throw new BadRequest($"failOn '{string.Join(",", unknown)}' is not one of: {string.Join(", ", Categories)} (or {None}); "
                + "deviations and missing symbols always fail.");
        }
        words.Remove(None);
        return new CheckPolicy(words, false);
    }
}
