namespace Traceability.Projections.Events;

/// <summary>An event as the log holds it: position, stream, payload, metadata and its link in the hash chain.</summary>
public sealed record RecordedEvent(
    long SeqId,
    Guid Id,
    string StreamId,
    long Version,
    string Type,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset Timestamp,
    byte[]? PrevHash,
    byte[] Hash);
