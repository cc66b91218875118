using System.Text;
using Traceability.Domain;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Projections.Audit;

/// <summary>
/// An event as an export carries it: the exact hashed inputs (canonical data and metadata bytes, the
/// timestamp to the microsecond) next to its links in the chain, so anyone can recompute the hash.
/// </summary>
public sealed record AuditEvent(
    long Seq, Guid Id, string StreamId, long Version, string Type,
    byte[] Data, byte[] Metadata, DateTimeOffset Timestamp, byte[] PrevHash, byte[] Hash)
{
    /// <summary>Every event type this build knows: an export of the whole log includes key events.</summary>
    public static EventSerializer Serializer { get; } =
        new(new EventTypeRegistry([.. EventCatalog.All, .. ApiKeyEvents.All]));

    public byte[] RecomputeHash() => HashChain.Compute(PrevHash, StreamId, Version, Type, Data, Metadata, Timestamp);

    public EventMetadata ReadMetadata() => EventSerializer.DeserializeMetadata(Encoding.UTF8.GetString(Metadata));

    /// <summary>The typed event, for folding; throws UnknownEventType for an alias this build lacks.</summary>
    public RecordedEvent ToRecorded() => new(
        Seq, Id, StreamId, Version, Type, Serializer.Deserialize(Type, Encoding.UTF8.GetString(Data)),
        ReadMetadata(), Timestamp, PrevHash.Length == 0 ? null : PrevHash, Hash);
}
