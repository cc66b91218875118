using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Traceability.Projections.Audit;

/// <summary>
/// events.jsonl from seq 1, checked line by line as it inflates: consecutive seq, each prevHash the hash before
/// it, each hash recomputed from the line's own fields, and (at the end) the last hash equal to the manifest's
/// chain head. Only the events <paramref name="keep"/> selects (the baseline's own, for the matrix check) stay
/// in memory, so a long log costs one line at a time.
/// </summary>
internal sealed class ChainWalk(Func<AuditEvent, bool> keep, InflationMeter meter)
{
    private readonly CheckFailures _failures = new(ExportVerifier.Chain);
    private readonly ArrayBufferWriter<byte> _line = new();
    private byte[] _previous = [];
    private long _lines;
    private long _parsed;
    private long _lastSeq;
    private bool _read;

    public List<AuditEvent> Kept { get; } = [];

    public void Read(Stream jsonl)
    {
        _read = true;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = jsonl.Read(buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            int newline;
            while ((newline = chunk.IndexOf((byte)'\n')) >= 0)
            {
                Append(chunk[..newline]);
                Line();
                chunk = chunk[(newline + 1)..];
            }
            Append(chunk);
        }
        if (_line.WrittenCount > 0) Line();
    }

    /// <summary>The chain check's result: its failures go to <paramref name="failures"/>, its summary is returned.</summary>
    public string Finish(Manifest? manifest, CheckFailures failures)
    {
        failures.Absorb(_failures);
        if (!_read) { failures.Add(ExportFiles.Events, null, null, null, null, "events.jsonl: missing, so the chain cannot be checked."); return ""; }
        if (manifest is not null) Ends(manifest, failures);
        return _parsed == 0 ? "no events" : $"{_parsed} events, seq 1..{_lastSeq}, head {Convert.ToHexStringLower(_previous)}";
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_line.WrittenCount + bytes.Length > meter.Limits.MaxEventLineBytes)
        {
            throw new ExportLimitExceeded(
                $"events.jsonl line {_lines + 1} is longer than {InflationMeter.Mib(meter.Limits.MaxEventLineBytes)}, longer than any event can be.", meter.Total);
        }
        _line.Write(bytes);
    }

    private void Line()
    {
        var expectedSeq = ++_lines;
        var text = Encoding.UTF8.GetString(_line.WrittenSpan);
        _line.ResetWrittenCount();
        var e = Parse(text, expectedSeq);
        if (e is null) return;
        Link(e, expectedSeq);
        (_previous, _lastSeq) = (e.Hash, e.Seq);
        _parsed++;
        if (keep(e)) Kept.Add(e);
    }

    private AuditEvent? Parse(string line, long expectedSeq)
    {
        try
        {
            return AuditEventLine.Parse(line);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            _failures.Add(ExportFiles.Events, expectedSeq, null, null, null, $"events.jsonl line {expectedSeq} (seq {expectedSeq}): unreadable: {ex.Message}");
            return null;
        }
    }

    private void Link(AuditEvent e, long expectedSeq)
    {
        if (e.Seq != expectedSeq)
            _failures.Add(ExportFiles.Events, expectedSeq, "seq", $"{expectedSeq}", $"{e.Seq}", $"events.jsonl line {expectedSeq}: seq is {e.Seq}, expected {expectedSeq} (the log has no gaps).");
        if (!e.PrevHash.AsSpan().SequenceEqual(_previous))
        {
            _failures.Add(ExportFiles.Events, e.Seq, "prevHash", Hex(_previous), Hex(e.PrevHash),
                $"events.jsonl seq {e.Seq}: prevHash is {Hex(e.PrevHash)}, but the event before it hashes to {Hex(_previous)}.");
        }
        var recomputed = e.RecomputeHash();
        if (!recomputed.AsSpan().SequenceEqual(e.Hash))
        {
            _failures.Add(ExportFiles.Events, e.Seq, "hash", Hex(recomputed), Hex(e.Hash),
                $"events.jsonl seq {e.Seq} ({e.StreamId} v{e.Version}, {e.Type}): the fields hash to {Hex(recomputed)}, but the line says {Hex(e.Hash)}: the event was changed.");
        }
    }

    private void Ends(Manifest manifest, CheckFailures failures)
    {
        var last = _parsed == 0 ? 0 : _lastSeq;
        if (last != manifest.Events.Last || last != manifest.AsOf.Seq)
        {
            failures.Add(ExportFiles.Events, last, "last seq", $"{manifest.AsOf.Seq}", $"{last}",
                $"events.jsonl ends at seq {last}, but the manifest's asOf is seq {manifest.AsOf.Seq} (events {manifest.Events.First}..{manifest.Events.Last}).");
        }
        if (!string.Equals(Hex(_previous), manifest.Chain.Head, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(ExportFiles.Manifest, last, "chain.head", manifest.Chain.Head, Hex(_previous),
                $"manifest.json chain.head is {manifest.Chain.Head}, but events.jsonl's last hash is {Hex(_previous)}.");
        }
    }

    private static string Hex(byte[] bytes) => bytes.Length == 0 ? "(empty)" : Convert.ToHexStringLower(bytes);
}
