using System.Text;
using System.Text.Json;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// events.jsonl from position 1: consecutive positions, each link recomputed from the one before (from
/// the manifest's genesis), each carried payload re-digested, every append signed by a trusted key, and
/// the last link equal to the manifest's head.
/// </summary>
internal static class ChainCheck
{
    public static string Run(byte[]? jsonl, Manifest? manifest, IReadOnlyCollection<TrustedKey> keys, List<AuditEvent> parsed, CheckFailures failures)
    {
        if (jsonl is null) { failures.Add(ExportFiles.Events, null, null, null, null, "events.jsonl: missing, so the chain cannot be checked."); return ""; }
        var previous = manifest is null ? [] : FromHex(manifest.Chain.Genesis);
        var appends = new AppendCheck(keys);
        var lines = Encoding.UTF8.GetString(jsonl).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 && i == lines.Length - 1) break;
            var e = Parse(lines[i], i + 1L, failures);
            if (e is null) continue;
            Link(e, i + 1L, previous, failures);
            if (appends.Next(e.Position, e.Digest, e.Auth, GapFiller.Is(e.StreamId, e.Type)) is { } problem) NotTheService(problem, failures);
            parsed.Add(e);
            previous = e.Link;
        }
        if (appends.End() is { } open) NotTheService(open, failures);
        if (manifest is not null) Ends(parsed, previous, manifest, failures);
        return parsed.Count == 0 ? "no events"
            : $"{parsed.Count} events, positions 1..{parsed[^1].Position}, every append signed by a trusted key, head {Convert.ToHexStringLower(previous)}";
    }

    private static AuditEvent? Parse(string line, long number, CheckFailures failures)
    {
        try
        {
            return AuditEventLine.Parse(line);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            failures.Add(ExportFiles.Events, number, null, null, null, $"events.jsonl line {number}: unreadable: {ex.Message}");
            return null;
        }
    }

    private static void Link(AuditEvent e, long expected, byte[] previous, CheckFailures failures)
    {
        if (e.Position != expected)
            failures.Add(ExportFiles.Events, expected, "position", $"{expected}", $"{e.Position}", $"events.jsonl line {expected}: position is {e.Position}, expected {expected} (the chain has no gaps).");
        var digest = e.RecomputeDigest();
        if (!digest.AsSpan().SequenceEqual(e.Digest))
        {
            failures.Add(ExportFiles.Events, e.Position, "digest", Hex(digest), Hex(e.Digest),
                $"events.jsonl position {e.Position} ({e.StreamId} v{e.Version}, {e.Type}): the event's fields digest to {Hex(digest)}, but the line says {Hex(e.Digest)}: the event was changed.");
        }
        var link = ChainLink.Compute(previous, e.Position, e.ChainedAt, e.Digest);
        if (!link.AsSpan().SequenceEqual(e.Link))
            failures.Add(ExportFiles.Events, e.Position, "link", Hex(link), Hex(e.Link), $"events.jsonl position {e.Position}: the link does not follow from the position before it.");
    }

    private static void NotTheService(AppendProblem problem, CheckFailures failures) =>
        failures.Add(ExportFiles.Events, problem.Position, "auth", "an append signed by a trusted service key", null,
            $"events.jsonl {problem.Problem}.");

    private static void Ends(List<AuditEvent> events, byte[] head, Manifest manifest, CheckFailures failures)
    {
        var last = events.Count == 0 ? 0 : events[^1].Position;
        if (last != manifest.Events.Last || last != manifest.AsOf.Position)
        {
            failures.Add(ExportFiles.Events, last, "last position", $"{manifest.AsOf.Position}", $"{last}",
                $"events.jsonl ends at position {last}, but the manifest's asOf is position {manifest.AsOf.Position} (events {manifest.Events.First}..{manifest.Events.Last}).");
        }
        if (!string.Equals(Hex(head), manifest.Chain.Head, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(ExportFiles.Manifest, last, "chain.head", manifest.Chain.Head, Hex(head),
                $"manifest.json chain.head is {manifest.Chain.Head}, but events.jsonl's last link is {Hex(head)}.");
        }
    }

    private static byte[] FromHex(string hex) => string.IsNullOrEmpty(hex) ? [] : Convert.FromHexString(hex);

    private static string Hex(byte[] bytes) => bytes.Length == 0 ? "(empty)" : Convert.ToHexStringLower(bytes);
}
