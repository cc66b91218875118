using System.Globalization;
using Traceability.Api.Http;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Kconfig;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

/// <summary>
/// GET /api/catalogs/{version}/{arch}/symbols?q=&amp;limit=: symbol names for a type-ahead (the web pages'
/// propose form). Names starting with q come first, then names containing it, each in ordinal order.
/// </summary>
public static class SearchCatalogSymbols
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record Match(string Name, string? Type, string? Prompt);

    public static async Task<Ok<IReadOnlyList<Match>>> Handle(
        string version, string arch, string? q, string? limit, CatalogReads catalogs, CancellationToken ct)
    {
        var fragment = Fragment(q);
        var count = Limit(limit);
        var architecture = CatalogArchitectures.Of(arch) ?? throw new ResourceNotFound($"Catalog {version}/{arch}");
        var catalog = await catalogs.FindAsync(version, architecture, ct) ?? throw new ResourceNotFound($"Catalog {version}/{architecture}");
        return TypedResults.Ok(Find(catalog, fragment, count));
    }

    /// <summary>A scan of ~17k names per call: well under a millisecond, so no index is kept for it.</summary>
    public static IReadOnlyList<Match> Find(Catalog catalog, string fragment, int limit)
    {
        var names = catalog.Symbols.Keys.Where(n => n.Contains(fragment, StringComparison.Ordinal)).ToList();
        return names.OrderBy(n => n.StartsWith(fragment, StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal)
            .Take(limit).Select(n => catalog.Symbols[n]).Select(s => new Match(s.Name, s.Type, s.Prompt)).ToList();
    }

    /// <summary>Part of a name, with or without CONFIG_, any case; empty lists from the start of the alphabet.</summary>
    private static string Fragment(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return "";
        var upper = q.Trim().ToUpperInvariant();
        var bare = upper.StartsWith(KconfigSymbol.Prefix, StringComparison.Ordinal) ? upper[KconfigSymbol.Prefix.Length..] : upper;
        if (bare.Length == 0 || KconfigSymbol.IsValidName(bare)) return bare;
        throw new BadRequest("q must be part of a Kconfig name (letters, digits, '_'), with or without CONFIG_.");
    }

    private static int Limit(string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit)) return DefaultLimit;
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxLimit
            ? n
            : throw new BadRequest($"limit must be a whole number from 1 to {MaxLimit}.");
    }
}
