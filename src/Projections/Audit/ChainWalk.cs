using System.Buffers;
using System.Text;
using System.Text.Json;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// events.jsonl from position 1, checked line by line as it inflates: consecutive positions, each carried payload re-digested, each link recomputed from the one before (from
/// the manifest's genesis), every append signed by a trusted key, and (at the end) the last link equal to the
/// manifest's head. Only what the files check folds stays in memory (<see cref="ExportSelection"/>), so a long
/// log costs one line at a time.
/// </summary>
internal sealed class ChainWalk(Manifest? manifest, IReadOnlyCollection<TrustedKey> keys, InflationMeter meter)
{
    private readonly CheckFailures _failures = new(ExportVerifier.Chain);
    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly AppendCheck _appends = new(keys);
    private readonly ExportSelection _selection = new(manifest?.Baseline.Id);
    private byte[] _previous = Genesis(manifest);
    private long _lines;
    private long _parsed;
    private long _lastPosition;
    private bool _read;

    /// <summary>What the files check needs: the events it folds, the last event, and the payloads found missing.</summary>
    public ExportSelection Selection => _selection;

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
    public string Finish(CheckFailures failures)
    {
        if (_read && _appends.End() is { } open) NotTheService(open);
        failures.Absorb(_failures);
        if (!_read) { failures.Add(ExportFiles.Events, null, null, null, null, "events.jsonl: missing, so the chain cannot be checked."); return ""; }
        if (manifest is not null) Ends(failures);
        return _parsed == 0 ? "no events"
            : $"{_parsed} events, positions 1..{_lastPosition}, every append signed by a trusted key, head {Hex(_previous)}";
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
        var number = ++_lines;
        var bytes = _line.WrittenSpan;
        var e = Parse(Encoding.UTF8.GetString(bytes), number);
        if (e is not null)
        {
            Canonical(e, bytes, number);
            Link(e, number);
            if (_appends.Next(e.Position, e.Digest, e.Auth, GapFiller.Is(e.StreamId, e.Type)) is { } problem) NotTheService(problem);
            (_previous, _lastPosition) = (e.Link, e.Position);
            _parsed++;
            _selection.Add(e);
        }
        _line.ResetWrittenCount();
    }

    private AuditEvent? Parse(string line, long number)
    {
        try
        {
            return AuditEventLine.Parse(line);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            _failures.Add(ExportFiles.Events, number, null, null, null, $"events.jsonl line {number}: unreadable: {ex.Message}");
            return null;
        }
    }

    /// <summary>The bytes are what the service writes for these fields: nothing added, reordered or re-spelt (a files check failure).</summary>
    private void Canonical(AuditEvent e, ReadOnlySpan<byte> line, long number)
    {
        using var written = new MemoryStream();
        AuditEventLine.Write(e, written);
        if (written.GetBuffer().AsSpan(0, (int)written.Length - 1).SequenceEqual(line)) return;
        _selection.FileProblems.Add(ExportFiles.Events, e.Position, "line", null, null,
            $"events.jsonl line {number} (position {e.Position}): not in the form the service writes (a field was added, dropped, reordered or re-spelt).");
    }

    private void Link(AuditEvent e, long expected)
    {
        if (e.Position != expected)
        {
            _failures.Add(ExportFiles.Events, expected, "position", $"{expected}", $"{e.Position}",
                $"events.jsonl line {expected}: position is {e.Position}, expected {expected} (the chain has no gaps).");
        }
        var digest = e.RecomputeDigest();
        if (!digest.AsSpan().SequenceEqual(e.Digest))
        {
            _failures.Add(ExportFiles.Events, e.Position, "digest", Hex(digest), Hex(e.Digest),
                $"events.jsonl position {e.Position} ({e.StreamId} v{e.Version}, {e.Type}): the event's fields digest to {Hex(digest)}, but the line says {Hex(e.Digest)}: the event was changed.");
        }
        var link = ChainLink.Compute(_previous, e.Position, e.ChainedAt, e.Digest);
        if (!link.AsSpan().SequenceEqual(e.Link))
            _failures.Add(ExportFiles.Events, e.Position, "link", Hex(link), Hex(e.Link), $"events.jsonl position {e.Position}: the link does not follow from the position before it.");
    }

    private void NotTheService(AppendProblem problem) =>
        _failures.Add(ExportFiles.Events, problem.Position, "auth", "an append signed by a trusted service key", null, $"events.jsonl {problem.Problem}.");

    private void Ends(CheckFailures failures)
    {
        var last = _parsed == 0 ? 0 : _lastPosition;
        if (last != manifest!.Events.Last || last != manifest.AsOf.Position)
        {
            failures.Add(ExportFiles.Events, last, "last position", $"{manifest.AsOf.Position}", $"{last}",
                $"events.jsonl ends at position {last}, but the manifest's asOf is position {manifest.AsOf.Position} (events {manifest.Events.First}..{manifest.Events.Last}).");
        }
        if (!string.Equals(Hex(_previous), manifest.Chain.Head, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(ExportFiles.Manifest, last, "chain.head", manifest.Chain.Head, Hex(_previous),
                $"manifest.json chain.head is {manifest.Chain.Head}, but events.jsonl's last link is {Hex(_previous)}.");
        }
    }

    /// <summary>The manifest's genesis link; a malformed one is taken as empty, so the first link fails and is named.</summary>
    private static byte[] Genesis(Manifest? manifest)
    {
        try
        {
            return string.IsNullOrEmpty(manifest?.Chain.Genesis) ? [] : Convert.FromHexString(manifest.Chain.Genesis);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static string Hex(byte[] bytes) => bytes.Length == 0 ? "(empty)" : Convert.ToHexStringLower(bytes);
}
