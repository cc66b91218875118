using System.Text;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>
/// Streams the matrix as CSV in <see cref="MatrixCsvFormat"/>, the form the audit export uses too, with the
/// catalog's type and prompt appended as two last columns (the export has no catalog, so they stay out of the shared format).
/// </summary>
public static class MatrixCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static IReadOnlyList<string> Header { get; } = [.. MatrixCsvFormat.Header, .. MatrixCatalogColumns.Header];

    /// <summary>Writes row by row as the rows arrive, so the whole matrix is never held as one string.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<MatrixRow> rows, Catalog? catalog, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(MatrixCsvFormat.Line(Header));
        await foreach (var row in rows.WithCancellation(ct)) await writer.WriteAsync(MatrixCsvFormat.Line(MatrixCatalogColumns.Fields(row, catalog)));
        await writer.FlushAsync(ct);
    }
}
