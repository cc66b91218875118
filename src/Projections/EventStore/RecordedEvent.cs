using JasperFx.Events;

namespace Traceability.Projections.Events;

/// <summary>
/// An event as the log holds it. Position is its place in the sealed chain (gapless, commit order);
/// it is null for an event committed so recently that the chain has not sealed it yet, and inside
/// inline projections. Sequence is Marten's seq_id: unique, but neither gapless nor commit order.
/// </summary>
public sealed record RecordedEvent(
    long? Position,
    long Sequence,
    Guid Id,
    string StreamId,
    long Version,
    string Type,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset Timestamp)
{
    /// <summary>An event inside Marten's pipeline (an inline or async projection).</summary>
    public static RecordedEvent From(IEvent e) => new(
        null, e.Sequence, e.Id, e.StreamKey ?? e.StreamId.ToString(), e.Version, e.EventTypeName, e.Data,
        EventMetadata.From(e.UserName, e.CorrelationId, e.CausationId, e.Headers), e.Timestamp);
}
