using System.Text;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>matrix.json and matrix.csv: the baseline's matrix folded by <see cref="MatrixState"/>, the matrix's one definition.</summary>
public static class ExportMatrix
{
    public static IReadOnlyList<MatrixRow> Fold(string baseline, IEnumerable<RecordedEvent> events)
    {
        var state = new MatrixState(baseline);
        foreach (var e in events) state.Apply(e);
        return state.Rows;
    }

    public sealed record LastChange(string? Actor, string? Time, long? Position);

    public sealed record Row(
        string Symbol, string? ConfigValue, string? DecidedValue, string? Status, int? Revision, string? Rationale,
        IReadOnlyList<string> Assumptions, IReadOnlyList<string> Features, IReadOnlyList<string> Requirements,
        int EvidenceCount, IReadOnlyList<string> Flags, LastChange LastChange);

    public sealed record Document(string Baseline, long AsOfPosition, int Total, IReadOnlyList<Row> Rows);

    public static byte[] Json(string baseline, long asOfPosition, IReadOnlyList<MatrixRow> rows) =>
        AuditJson.Serialize(new Document(baseline, asOfPosition, rows.Count, [.. rows.Select(ToRow)]));

    public static byte[] Csv(IReadOnlyList<MatrixRow> rows)
    {
        var text = new StringBuilder(MatrixCsvFormat.HeaderLine);
        foreach (var row in rows) text.Append(MatrixCsvFormat.RowLine(row));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Row ToRow(MatrixRow r) => new(
        KconfigSymbol.Display(r.Symbol), r.ConfigValue, r.DecidedValue, r.Status, r.Revision, r.Rationale,
        r.Assumptions, r.Features, r.Requirements, r.EvidenceCount, r.Flags,
        new LastChange(r.LastChange?.Actor, r.LastChange is { } c ? AuditEventLine.Time(c.Time) : null, r.LastChange?.Position));
}
