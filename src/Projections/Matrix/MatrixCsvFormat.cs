using System.Globalization;
using Traceability.Domain.Kconfig;

namespace Traceability.Projections.Matrix;

/// <summary>
/// The matrix as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break).
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
        row.LastChange?.Time.ToString("O", CultureInfo.InvariantCulture), row.LastChange?.Position?.ToString(CultureInfo.InvariantCulture),
    ];

    public static string Line(IReadOnlyList<string?> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string Quote(string? field) =>
        field is null ? "" : field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
