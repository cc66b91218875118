using System.Text;
using System.Text.Json;

namespace Traceability.Projections.Audit;

/// <summary>
/// events.jsonl from seq 1: consecutive seq, each prevHash the hash before it, each hash recomputed
/// from the line's own fields, and the last hash equal to the manifest's chain head.
/// </summary>
internal static class ChainCheck
{
    public static string Run(byte[]? jsonl, Manifest? manifest, List<AuditEvent> parsed, CheckFailures failures)
    {
        if (jsonl is null) { failures.Add(ExportFiles.Events, null, null, null, null, "events.jsonl: missing, so the chain cannot be checked."); return ""; }
        byte[] previous = [];
        var lines = Encoding.UTF8.GetString(jsonl).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 && i == lines.Length - 1) break;
            var expectedSeq = i + 1L;
            var e = Parse(lines[i], expectedSeq, failures);
            if (e is null) continue;
            Link(e, expectedSeq, previous, failures);
            parsed.Add(e);
            previous = e.Hash;
        }
        if (manifest is not null) Ends(parsed, previous, manifest, failures);
        return parsed.Count == 0 ? "no events" : $"{parsed.Count} events, seq 1..{parsed[^1].Seq}, head {Convert.ToHexStringLower(previous)}";
    }

    private static AuditEvent? Parse(string line, long expectedSeq, CheckFailures failures)
    {
        try
        {
            return AuditEventLine.Parse(line);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            failures.Add(ExportFiles.Events, expectedSeq, null, null, null, $"events.jsonl line {expectedSeq} (seq {expectedSeq}): unreadable: {ex.Message}");
            return null;
        }
    }

    private static void Link(AuditEvent e, long expectedSeq, byte[] previous, CheckFailures failures)
    {
        if (e.Seq != expectedSeq)
            failures.Add(ExportFiles.Events, expectedSeq, "seq", $"{expectedSeq}", $"{e.Seq}", $"events.jsonl line {expectedSeq}: seq is {e.Seq}, expected {expectedSeq} (the log has no gaps).");
        if (!e.PrevHash.AsSpan().SequenceEqual(previous))
        {
            failures.Add(ExportFiles.Events, e.Seq, "prevHash", Hex(previous), Hex(e.PrevHash),
                $"events.jsonl seq {e.Seq}: prevHash is {Hex(e.PrevHash)}, but the event before it hashes to {Hex(previous)}.");
        }
        var recomputed = e.RecomputeHash();
        if (!recomputed.AsSpan().SequenceEqual(e.Hash))
        {
            failures.Add(ExportFiles.Events, e.Seq, "hash", Hex(recomputed), Hex(e.Hash),
                $"events.jsonl seq {e.Seq} ({e.StreamId} v{e.Version}, {e.Type}): the fields hash to {Hex(recomputed)}, but the line says {Hex(e.Hash)}: the event was changed.");
        }
    }

    private static void Ends(List<AuditEvent> events, byte[] head, Manifest manifest, CheckFailures failures)
    {
        var last = events.Count == 0 ? 0 : events[^1].Seq;
        if (last != manifest.Events.Last || last != manifest.AsOf.Seq)
        {
            failures.Add(ExportFiles.Events, last, "last seq", $"{manifest.AsOf.Seq}", $"{last}",
                $"events.jsonl ends at seq {last}, but the manifest's asOf is seq {manifest.AsOf.Seq} (events {manifest.Events.First}..{manifest.Events.Last}).");
        }
        if (!string.Equals(Hex(head), manifest.Chain.Head, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(ExportFiles.Manifest, last, "chain.head", manifest.Chain.Head, Hex(head),
                $"manifest.json chain.head is {manifest.Chain.Head}, but events.jsonl's last hash is {Hex(head)}.");
        }
    }

    private static string Hex(byte[] bytes) => bytes.Length == 0 ? "(empty)" : Convert.ToHexStringLower(bytes);
}
