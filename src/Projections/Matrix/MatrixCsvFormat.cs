using System.Globalization;
using Traceability.Domain.Kconfig;

namespace Traceability.Projections.Matrix;

/// <summary>
/// The matrix as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break,
/// formula-like cells neutralised by <see cref="CsvCell"/>).
/// Pure text so the matrix endpoint and the audit export write the very same CSV.
/// </summary>
public static class MatrixCsvFormat
{
    public static readonly IReadOnlyList<string> Header =
    [
        "symbol", "configValue", "decidedValue", "status", "revision", "rationale", "assumptions", "features", "requirements",
        "evidenceCount", "flags", "lastActor", "lastTime", "lastPosition",
    ];

    public static string HeaderLine => Line(Header);

    public static string RowLine(MatrixRow row) => Line(Fields(row));

    public static IReadOnlyList<string?> Fields(MatrixRow row) =>
    [
        KconfigSymbol.Display(row.Symbol), row.ConfigValue, row.DecidedValue, row.Status,
        row.Revision?.ToString(CultureInfo.InvariantCulture), row.Rationale,
        string.Join(';', row.Assumptions), string.Join(';', row.Features), string.Join(';', row.Requirements),
        row.EvidenceCount.ToString(CultureInfo.InvariantCulture), string.Join(';', row.Flags), row.LastChange?.Actor,
        row.LastChange is { } last ? Timestamps.Text(last.Time) : null, row.LastChange?.Position?.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>Every cell through <see cref="CsvCell"/>: formula-like text is neutralised, then quoted as RFC 4180 needs.</summary>
    public static string Line(IReadOnlyList<string?> fields) => string.Join(',', fields.Select(CsvCell.Write)) + "\r\n";
}
