using System.Text;
using System.Text.Json;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>
/// Rebuilds every file of the export from the events it carries (the same code the service exports
/// with) and compares bytes: an edited decisions.json or evidence.json is named even when the manifest's
/// hashes were recomputed to match. Also checks that every event the baseline needs carries its payload.
/// </summary>
internal static class FilesCheck
{
    public static string Run(Manifest manifest, List<AuditEvent> events, Dictionary<string, byte[]> content, CheckFailures failures)
    {
        if (!Readable(events, failures)) return "";
        Complete(manifest.Baseline.Id, events, failures);
        var dossier = AuditDossier.Build(events, manifest.Baseline.Id);
        if (dossier is null)
        {
            failures.Add(ExportFiles.Events, null, null, null, null, $"events.jsonl does not create baseline {manifest.Baseline.Id}.");
            return "";
        }
        var rebuilt = ExportBuilder.Files(events, dossier);
        foreach (var (name, expected) in rebuilt)
        {
            if (!content.TryGetValue(name, out var found) || found.AsSpan().SequenceEqual(expected)) continue;
            if (name == ExportFiles.MatrixJson) MatrixDiff.Report(expected, found, failures);
            else Differs(name, expected, found, failures);
        }
        return $"the events rebuild all {rebuilt.Count} files byte for byte ({dossier.Matrix.Count} matrix rows, {dossier.Decisions.Count} decisions)";
    }

    private static bool Readable(List<AuditEvent> events, CheckFailures failures)
    {
        foreach (var e in events.Where(e => e.Payload is not null))
        {
            try
            {
                e.ToRecorded();
            }
            catch (Exception ex) when (ex is JsonException or UnknownEventType or NotSupportedException)
            {
                failures.Add(ExportFiles.Events, e.Position, "data", e.Type, null, $"events.jsonl position {e.Position}: data is not a readable {e.Type} event ({ex.Message}).");
            }
        }
        return failures.Count == 0;
    }

    /// <summary>A payload left out of an event the baseline needs would make every file agree with a history that lacks it.</summary>
    private static void Complete(string baseline, List<AuditEvent> events, CheckFailures failures)
    {
        var own = Domain.Baselines.Baseline.StreamId(baseline);
        var decisions = MatrixHistory.DecisionPrefix(baseline);
        var links = LinkedIds.Of(events.Where(e => e.Payload is not null && e.StreamId.StartsWith(decisions, StringComparison.Ordinal))
            .Select(e => e.ToRecorded().Data)).StreamIds();
        foreach (var e in events.Where(e => e.Payload is null && (e.StreamId == own || e.StreamId.StartsWith(decisions, StringComparison.Ordinal) || links.Contains(e.StreamId))))
        {
            failures.Add(ExportFiles.Events, e.Position, "data", "the event's payload", null,
                $"events.jsonl position {e.Position} ({e.StreamId} v{e.Version}, {e.Type}) belongs to what the export is about, but carries no payload.");
        }
    }

    private static void Differs(string name, byte[] expected, byte[] found, CheckFailures failures)
    {
        var want = Encoding.UTF8.GetString(expected).Split('\n');
        var have = Encoding.UTF8.GetString(found).Split('\n');
        var line = Enumerable.Range(0, Math.Max(want.Length, have.Length)).First(i => i >= want.Length || i >= have.Length || want[i] != have[i]);
        string At(string[] lines) => line < lines.Length ? Cut(lines[line].TrimEnd('\r')) : "(end of file)";
        failures.Add(name, null, $"line {line + 1}", At(want), At(have),
            $"{name} line {line + 1} differs from what the events give: expected \"{At(want)}\", found \"{At(have)}\".");
    }

    internal static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
