using System.Text;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>Streams the matrix as CSV in <see cref="MatrixCsvFormat"/>, the form the audit export uses too.</summary>
public static class MatrixCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static IReadOnlyList<string> Header => MatrixCsvFormat.Header;

    /// <summary>Writes row by row as the rows arrive, so the whole matrix is never held as one string.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<MatrixRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(MatrixCsvFormat.HeaderLine);
        await foreach (var row in rows.WithCancellation(ct)) await writer.WriteAsync(MatrixCsvFormat.RowLine(row));
        await writer.FlushAsync(ct);
    }

    public static IReadOnlyList<string?> Fields(MatrixRow row) => MatrixCsvFormat.Fields(row);
}
