using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Traceability.Domain;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>What GET .../matrix was asked: the query, the moment and the shape of the answer.</summary>
public sealed record MatrixRequest(MatrixQuery Query, AsOf? AsOf, bool Csv);

/// <summary>Turns the query string into a <see cref="MatrixQuery"/>; every bad value is a 400 naming its parameter.</summary>
public static class MatrixQueryParser
{
    private static readonly Dictionary<string, MatrixSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["symbol"] = MatrixSort.Symbol, ["status"] = MatrixSort.Status,
        ["configValue"] = MatrixSort.ConfigValue, ["lastChange"] = MatrixSort.LastChange,
    };

    public static MatrixRequest Parse(MatrixParameters p, bool acceptsCsv)
    {
        var failures = new List<ValidationFailure>();
        var (sort, descending) = Sort(p.Sort, failures);
        var query = new MatrixQuery(
            Words(p.Flag, "flag", MatrixFlags.All, failures),
            Words(p.Status, "status", MatrixQuery.StatusValues, failures),
            SymbolFragment(p.SymbolPrefix, "symbolPrefix", failures),
            SymbolFragment(p.Search, "search", failures),
            Link(p.Assumption?.ToUpperInvariant(), "assumption", AssumptionOfUse.IsValidId, "an AoU id such as AOU-0001", failures),
            Link(p.Feature?.ToLowerInvariant(), "feature", Ids.IsSlug, "a hardware feature id such as arm64-pan", failures),
            sort, descending,
            Number(p.Page, "page", 1, int.MaxValue, 1, failures),
            Number(p.PageSize, "pageSize", 1, MatrixQuery.MaxPageSize, MatrixQuery.DefaultPageSize, failures));
        var asOf = AsOf.Parse(p.AsOf, failures);
        var csv = Format(p.Format, failures) ?? acceptsCsv;
        if (failures.Count > 0) throw new ValidationException(failures);
        return new MatrixRequest(query, asOf, csv);
    }

    /// <summary>Repeatable (flag=a&amp;flag=b) or comma-joined (flag=a,b); a row matches ANY of them.</summary>
    private static List<string> Words(string[]? values, string name, IReadOnlyList<string> allowed, List<ValidationFailure> failures)
    {
        var words = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(w => w.ToLowerInvariant()).Distinct().ToList();
        foreach (var bad in words.Where(w => !allowed.Contains(w)))
            failures.Add(new ValidationFailure(name, $"{name} '{bad}' is not one of: {string.Join(", ", allowed)}."));
        return words;
    }

    /// <summary>A piece of a symbol name, with or without CONFIG_, matched case-insensitively: kept upper-case and bare.</summary>
    private static string? SymbolFragment(string? value, string name, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var upper = value.Trim().ToUpperInvariant();
        var bare = upper.StartsWith(KconfigSymbol.Prefix, StringComparison.Ordinal) ? upper[KconfigSymbol.Prefix.Length..] : upper;
        if (bare.Length <= KconfigSymbol.MaxLength && (bare.Length == 0 || KconfigSymbol.IsValidName(bare))) return bare.Length == 0 ? null : bare;
        failures.Add(new ValidationFailure(name, $"{name} must be part of a Kconfig name (letters, digits, '_'), with or without CONFIG_."));
        return null;
    }

    private static string? Link(string? value, string name, Func<string, bool> valid, string example, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var id = value.Trim();
        if (valid(id)) return id;
        failures.Add(new ValidationFailure(name, $"{name} must be {example}."));
        return null;
    }

    private static (MatrixSort, bool) Sort(string? value, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value)) return (MatrixSort.Symbol, false);
        var descending = value.StartsWith('-');
        var name = descending ? value[1..] : value;
        if (Sorts.TryGetValue(name, out var sort)) return (sort, descending);
        failures.Add(new ValidationFailure("sort", "sort must be symbol, status, configValue or lastChange, with a leading '-' for descending."));
        return (MatrixSort.Symbol, false);
    }

    private static int Number(string? value, string name, int min, int max, int fallback, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        failures.Add(new ValidationFailure(name, $"{name} must be a whole number from {min} to {max}."));
        return fallback;
    }

    private static bool? Format(string? value, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Equals("csv", StringComparison.OrdinalIgnoreCase)) return true;
        if (value.Equals("json", StringComparison.OrdinalIgnoreCase)) return false;
        failures.Add(new ValidationFailure("format", "format must be json or csv."));
        return null;
    }
}
