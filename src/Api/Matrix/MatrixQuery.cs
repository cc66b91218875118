using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

public enum MatrixSort
{
    Symbol,
    Status,
    ConfigValue,
    LastChange,
}

/// <summary>
/// One matrix query, whichever way it is answered: SQL on matrix_rows for the live matrix
/// (<see cref="MatrixSql"/>) or in memory on the rows folded from history for ?asOf=
/// (<see cref="MatrixInMemory"/>). Both executors read this record only, and a test runs every
/// filter and sort through both, which is what keeps "live" and "as of" the same answer.
/// </summary>
public sealed record MatrixQuery(
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Statuses,
    string? SymbolPrefix,
    string? Search,
    string? Assumption,
    string? Feature,
    MatrixSort Sort,
    bool Descending,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>The status filter's word for "no decision at all" (status null).</summary>
    public const string NoStatus = "none";

    public static readonly IReadOnlyList<string> StatusValues =
        [MatrixRow.Proposed, MatrixRow.Approved, MatrixRow.Rejected, MatrixRow.Withdrawn, NoStatus];

    /// <summary>Every row, symbol order: what coverage and the CSV of an unfiltered matrix read.</summary>
    public static readonly MatrixQuery All = new([], [], null, null, null, null, MatrixSort.Symbol, false, 1, MaxPageSize);

    public long Offset => (long)(Page - 1) * PageSize;
}
