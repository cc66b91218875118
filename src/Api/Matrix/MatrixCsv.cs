using System.Globalization;
using System.Text;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>The matrix as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break).</summary>
public static class MatrixCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header =
    [
        "symbol", "configValue", "decidedValue", "status", "revision", "rationale", "assumptions", "features", "requirements",
        "evidenceCount", "flags", "lastActor", "lastTime", "lastSeq",
    ];

    /// <summary>Writes row by row as the rows arrive, so the whole matrix is never held as one string.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<MatrixRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(ct)) await writer.WriteAsync(Line(Fields(row)));
        await writer.FlushAsync(ct);
    }

    public static IReadOnlyList<string?> Fields(MatrixRow row) =>
    [
        KconfigSymbol.Display(row.Symbol), row.ConfigValue, row.DecidedValue, row.Status,
        row.Revision?.ToString(CultureInfo.InvariantCulture), row.Rationale,
        string.Join(';', row.Assumptions), string.Join(';', row.Features), string.Join(';', row.Requirements),
        row.EvidenceCount.ToString(CultureInfo.InvariantCulture), string.Join(';', row.Flags), row.LastActor,
        row.LastTime?.ToString("O", CultureInfo.InvariantCulture), row.LastSeq.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Line(IReadOnlyList<string?> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string Quote(string? field) =>
        field is null ? "" : field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
