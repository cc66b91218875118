using System.Text;
using System.Text.Json;
using Traceability.Projections.Events;

namespace Traceability.Projections.Audit;

/// <summary>
/// Rebuilds every file of the export from the events it carries (the same code the service exports with)
/// and compares them with what the zip holds: an edited decisions.json or evidence.json is named, with its
/// line, even when the manifest's hashes were recomputed to match. Also checks that every event the
/// baseline needs carries its payload. events.jsonl itself is the chain check's.
/// </summary>
internal static class FilesCheck
{
    public static string Run(Manifest manifest, ExportSelection selection, ExportArchive archive, ReadEntries read, CheckFailures failures)
    {
        failures.Absorb(selection.FileProblems);
        var events = selection.ForDossier();
        if (!Readable(events, failures)) return "";
        Complete(events, manifest.Baseline, failures);
        var dossier = AuditDossier.Build(events, manifest.Baseline.Id);
        if (dossier is null)
        {
            failures.Add(ExportFiles.Events, null, null, null, null, $"events.jsonl does not create baseline {manifest.Baseline.Id}.");
            return "";
        }
        var rebuilt = ExportBuilder.DossierFiles(dossier);
        foreach (var (name, expected) in rebuilt)
        {
            if (!read.Sha256.TryGetValue(name, out var found) || found == ExportBuilder.Sha256(expected)) continue;
            if (name == ExportFiles.MatrixJson) MatrixDiff.Report(expected, read.Kept[name], failures);
            else
            {
                using var content = archive.Reopen(name)!;
                FirstDifference.Report(name, expected, content, failures);
            }
        }
        return $"the events rebuild all {rebuilt.Count} other files byte for byte ({dossier.Matrix.Count} matrix rows, {dossier.Decisions.Count} decisions)";
    }

    private static bool Readable(IReadOnlyList<AuditEvent> events, CheckFailures failures)
    {
        var readable = true;
        foreach (var e in events.Where(e => e.Payload is not null))
        {
            try
            {
                e.ToRecorded();
            }
            catch (Exception ex) when (ex is JsonException or UnknownEventType or NotSupportedException or InvalidOperationException)
            {
                readable = false;
                failures.Add(ExportFiles.Events, e.Position, "data", e.Type, null, $"events.jsonl position {e.Position}: data is not a readable {e.Type} event ({ex.Message}).");
            }
        }
        return readable;
    }

    internal static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";

    /// <summary>An assumption, feature or requirement a decision links, the platform and the report's catalog must travel with their payloads too.</summary>
    private static void Complete(IReadOnlyList<AuditEvent> events, BaselineFacts baseline, CheckFailures failures)
    {
        var links = new HashSet<string>(LinkedIds.Of(events.Where(e => e.Payload is not null && e.StreamId.StartsWith("decision/", StringComparison.Ordinal))
            .Select(e => e.ToRecorded().Data)).StreamIds(), StringComparer.Ordinal);
        links.UnionWith(ExportCatalog.Streams(events, baseline));
        foreach (var e in events.Where(e => e.Payload is null && links.Contains(e.StreamId)))
        {
            failures.Add(ExportFiles.Events, e.Position, "data", "the event's payload", null,
                $"events.jsonl position {e.Position} ({e.StreamId} v{e.Version}, {e.Type}) belongs to what the export is about, but carries no payload.");
        }
    }
}

/// <summary>Where a file departs from what the events give: its first differing line, read as it streams.</summary>
internal static class FirstDifference
{
    private const int Shown = 160;

    public static void Report(string name, byte[] expected, Stream found, CheckFailures failures)
    {
        var buffer = new byte[64 * 1024];
        long offset = 0;
        int read;
        while ((read = found.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, offset++)
            {
                if (offset < expected.Length && buffer[i] == expected[offset]) continue;
                Differs(name, expected, (int)Math.Min(offset, expected.Length), Rest(buffer.AsSpan(i, read - i), found), failures);
                return;
            }
        }
        // Equal up to the end of what was found: the file stops early (or only its hash differs, which the hash check names).
        if (offset < expected.Length) Differs(name, expected, (int)offset, [], failures);
    }

    /// <summary>Up to <see cref="Shown"/> bytes of the found file from the difference on, to the end of its line.</summary>
    private static byte[] Rest(ReadOnlySpan<byte> start, Stream found)
    {
        var rest = new List<byte>(start[..Math.Min(start.Length, Shown)].ToArray());
        var next = new byte[1];
        while (rest.Count < Shown && found.Read(next) == 1) rest.Add(next[0]);
        var newline = rest.IndexOf((byte)'\n');
        return [.. newline < 0 ? rest : rest.Take(newline)];
    }

    private static void Differs(string name, byte[] expected, int at, byte[] foundRest, CheckFailures failures)
    {
        var lineStart = Array.LastIndexOf(expected, (byte)'\n', Math.Max(0, at - 1)) + 1;
        if (at == 0) lineStart = 0;
        var line = 1 + expected.AsSpan(0, lineStart).Count((byte)'\n');
        var lineEnd = Array.IndexOf(expected, (byte)'\n', at);
        // Some context before the difference, so a change deep in a long line is shown, not the line's start.
        var from = Math.Max(lineStart, at - 60);
        var same = expected.AsSpan(from, at - from);
        var lead = from > lineStart ? "…" : "";
        var want = lead + Text(same, expected.AsSpan(at, (lineEnd < 0 ? expected.Length : lineEnd) - at));
        var have = lead + Text(same, foundRest);
        failures.Add(name, null, $"line {line}", want, have,
            $"{name} line {line} differs from what the events give: expected \"{want}\", found \"{have}\".");
    }

    private static string Text(ReadOnlySpan<byte> same, ReadOnlySpan<byte> rest)
    {
        var text = (Encoding.UTF8.GetString(same) + Encoding.UTF8.GetString(rest)).TrimEnd('\r');
        return text.Length == 0 ? "(end of file)" : text.Length <= Shown ? text : text[..Shown] + "…";
    }
}
