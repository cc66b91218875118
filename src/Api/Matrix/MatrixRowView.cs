using Traceability.Domain.Catalogs;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>Who last changed a row (its value or its decision), when, and at which log position (null until sealed).</summary>
public sealed record MatrixLastChange(string? Actor, DateTimeOffset? Time, long? Position);

/// <summary>
/// One row of the matrix as the API shows it: the symbol with CONFIG_, flags by name; Type and Prompt
/// come from the baseline's Kconfig catalog at read time (null without a catalog or for a symbol it lacks).
/// </summary>
public sealed record MatrixRowView(
    string Symbol,
    string? ConfigValue,
    string? DecidedValue,
    string? Status,
    int? Revision,
    string? Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements,
    int EvidenceCount,
    IReadOnlyList<string> Flags,
    MatrixLastChange LastChange,
    string? Type,
    string? Prompt)
{
    public static MatrixRowView From(MatrixRow row, Catalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(row);
        var known = MatrixCatalogColumns.Find(catalog, row.Symbol);
        return new(
            KconfigSymbol.Display(row.Symbol), row.ConfigValue, row.DecidedValue, row.Status, row.Revision, row.Rationale,
            row.Assumptions, row.Features, row.Requirements, row.EvidenceCount, row.Flags,
            new MatrixLastChange(row.LastChange?.Actor, row.LastChange?.Time, row.LastChange?.Position), known?.Type, known?.Prompt);
    }
}

/// <summary>
/// A page of the matrix. AsOfPosition is the log position the answer reflects: the sealed head for a live
/// answer, so GET ...?asOf=&lt;asOfPosition&gt; later returns this same page.
/// </summary>
public sealed record MatrixPage(string Baseline, long AsOfPosition, int Total, int Page, int PageSize, IReadOnlyList<MatrixRowView> Rows);
