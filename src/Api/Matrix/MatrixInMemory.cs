using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>
/// <see cref="MatrixQuery"/> on rows in memory (the matrix folded from history for ?asOf=). Must
/// answer exactly as <see cref="MatrixSql"/> does: same filters, ordinal ("C") order, nulls last
/// in both directions, ties broken by symbol ascending.
/// </summary>
public static class MatrixInMemory
{
    public static (int Total, IReadOnlyList<MatrixRow> Rows) Page(IEnumerable<MatrixRow> rows, MatrixQuery query)
    {
        var matching = Select(rows, query).ToList();
        var page = query.Offset >= matching.Count ? [] : matching.Skip((int)query.Offset).Take(query.PageSize).ToList();
        return (matching.Count, page);
    }

    /// <summary>Every matching row in order, unpaged (the CSV).</summary>
    public static IEnumerable<MatrixRow> Select(IEnumerable<MatrixRow> rows, MatrixQuery query) =>
        rows.Where(r => Matches(r, query)).Order(Comparer(query));

    public static bool Matches(MatrixRow row, MatrixQuery query) =>
        (query.Flags.Count == 0 || row.Flags.Any(query.Flags.Contains))
        && (query.Statuses.Count == 0 || query.Statuses.Contains(row.Status ?? MatrixQuery.NoStatus))
        && (query.SymbolPrefix is null || row.Symbol.ToUpperInvariant().StartsWith(query.SymbolPrefix, StringComparison.Ordinal))
        && (query.Search is null || row.Symbol.ToUpperInvariant().Contains(query.Search, StringComparison.Ordinal))
        && (query.Assumption is null || row.Assumptions.Contains(query.Assumption))
        && (query.Feature is null || row.Features.Contains(query.Feature));

    private static Comparer<MatrixRow> Comparer(MatrixQuery query) => Comparer<MatrixRow>.Create((a, b) =>
    {
        var key = query.Sort switch
        {
            MatrixSort.Status => NullsLast(a.Status, b.Status, query.Descending),
            MatrixSort.ConfigValue => NullsLast(a.ConfigValue, b.ConfigValue, query.Descending),
            MatrixSort.LastChange => LastChange(a, b, query.Descending),
            _ => Directed(string.CompareOrdinal(a.Symbol, b.Symbol), query.Descending),
        };
        return key != 0 ? key : string.CompareOrdinal(a.Symbol, b.Symbol);
    });

    private static int LastChange(MatrixRow a, MatrixRow b, bool descending) => (a.LastChange?.Time, b.LastChange?.Time) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => Directed(x.CompareTo(y), descending),
    };

    private static int NullsLast(string? a, string? b, bool descending) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => Directed(string.CompareOrdinal(a, b), descending),
    };

    private static int Directed(int comparison, bool descending) => descending ? -comparison : comparison;
}
