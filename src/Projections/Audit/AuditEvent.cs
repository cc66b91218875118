using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// One line of events.jsonl: an event's place in the chain (position, chainedAt, digest, link), its
/// stream, version, type and auth header, and, for the events the baseline needs, the payload the
/// digest is recomputed from. Other events travel without payload: enough to check the chain and the
/// signatures from position 1, nothing more (an export of one baseline holds no other catalogs, keys...).
/// </summary>
public sealed record AuditEvent(
    long Position, DateTimeOffset ChainedAt, byte[] Digest, byte[] Link, string StreamId, long Version, string Type,
    AuthHeader? Auth, AuditPayload? Payload)
{
    public byte[] RecomputeDigest() => Payload is { } p
        ? EventDigest.Compute(new DigestInput(p.Id, StreamId, Version, Type, p.Timestamp, p.User, p.Correlation, p.Causation,
            EventHeaders.Canonical(JsonNode.Parse(p.Headers)), p.Data))
        : Digest;

    /// <summary>
    /// The typed event, for folding; throws UnknownEventType for an alias this build lacks, JsonException for bad data.
    /// Read once per event: the verifier's payload check, the dossier and the report's catalog all fold the same events,
    /// and a catalog's events are megabytes of JSON.
    /// </summary>
    public RecordedEvent ToRecorded() => Typed.GetValue(this, static e => e.Read());

    private static readonly ConditionalWeakTable<AuditEvent, RecordedEvent> Typed = new();

    private RecordedEvent Read()
    {
        var p = Payload ?? throw new InvalidOperationException($"Position {Position} carries no payload.");
        var headers = JsonNode.Parse(p.Headers)?.AsObject();
        var metadata = EventMetadata.From(p.User, p.Correlation, p.Causation,
            headers?.Where(h => h.Value is JsonValue).ToDictionary(h => h.Key, h => (object)h.Value!.ToString()));
        var data = JsonSerializer.Deserialize(p.Data, EventTypes.TypeOf(Type), EventJson.Options)
            ?? throw new JsonException($"The {Type} event at position {Position} is null.");
        return new RecordedEvent(Position, 0, p.Id, StreamId, Version, Type, data, metadata, p.Timestamp);
    }
}

/// <summary>What the digest covers beyond stream, version and type: headers and data as canonical JSON.</summary>
public sealed record AuditPayload(Guid Id, DateTimeOffset Timestamp, string? User, string? Correlation, string? Causation, byte[] Headers, byte[] Data);
