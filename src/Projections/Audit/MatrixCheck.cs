using System.Text;
using System.Text.Json;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>Folds the exported events into the baseline's matrix and compares it with matrix.json and matrix.csv.</summary>
internal static class MatrixCheck
{
    public static string Run(Manifest manifest, List<AuditEvent> events, IReadOnlyDictionary<string, byte[]> content, CheckFailures failures)
    {
        var baseline = manifest.Baseline.Id;
        var rows = ExportMatrix.Fold(baseline, Typed(events, baseline, manifest.AsOf.Seq, failures));
        var expectedJson = ExportMatrix.Json(baseline, manifest.AsOf.Seq, rows);
        if (content.TryGetValue(ExportFiles.MatrixJson, out var json) && !json.AsSpan().SequenceEqual(expectedJson))
            MatrixDiff.Report(expectedJson, json, failures);
        var expectedCsv = ExportMatrix.Csv(rows);
        if (content.TryGetValue(ExportFiles.MatrixCsv, out var csv) && !csv.AsSpan().SequenceEqual(expectedCsv))
            CsvDiff(expectedCsv, csv, failures);
        return $"the events reproduce matrix.json and matrix.csv ({rows.Count} rows of {baseline} as of seq {manifest.AsOf.Seq})";
    }

    private static IEnumerable<RecordedEvent> Typed(List<AuditEvent> events, string baseline, long asOf, CheckFailures failures)
    {
        var stream = Domain.Baselines.Baseline.StreamId(baseline);
        var prefix = MatrixHistory.DecisionPrefix(baseline);
        foreach (var e in events.Where(e => e.Seq <= asOf && (e.StreamId == stream || e.StreamId.StartsWith(prefix, StringComparison.Ordinal))))
        {
            RecordedEvent? recorded = null;
            try
            {
                recorded = e.ToRecorded();
            }
            catch (Exception ex) when (ex is JsonException or UnknownEventType or NotSupportedException)
            {
                failures.Add(ExportFiles.Events, e.Seq, "data", e.Type, null, $"events.jsonl seq {e.Seq}: data is not a readable {e.Type} event ({ex.Message}).");
            }
            if (recorded is not null) yield return recorded;
        }
    }

    private static void CsvDiff(byte[] expected, byte[] found, CheckFailures failures)
    {
        var want = Encoding.UTF8.GetString(expected).Split("\r\n");
        var have = Encoding.UTF8.GetString(found).Split("\r\n");
        var line = Enumerable.Range(0, Math.Max(want.Length, have.Length))
            .First(i => i >= want.Length || i >= have.Length || want[i] != have[i]);
        failures.Add(ExportFiles.MatrixCsv, null, $"line {line + 1}", line < want.Length ? want[line] : "(end of file)",
            line < have.Length ? have[line] : "(end of file)",
            $"matrix.csv line {line + 1} differs from the matrix the events give: expected \"{Cut(line < want.Length ? want[line] : "(end)")}\", found \"{Cut(line < have.Length ? have[line] : "(end)")}\".");
    }

    internal static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
