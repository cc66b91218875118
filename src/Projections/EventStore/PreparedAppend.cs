using System.Text;

namespace Traceability.Projections.Events;

/// <summary>An append serialized and canonicalised before it queues for the lock: the work under the lock is only versions, hashes and SQL.</summary>
internal sealed record PreparedAppend(IReadOnlyList<PreparedStream> Streams, string MetadataText, byte[] MetadataBytes, EventMetadata Metadata)
{
    public int EventCount { get; } = Streams.Sum(s => s.Events.Count);

    public static PreparedAppend From(IEnumerable<StreamAppend> appends, EventMetadata metadata, EventSerializer serializer)
    {
        var streams = appends.Where(a => a.Events.Count > 0)
            .Select(a => new PreparedStream(a.StreamId, a.StreamType, a.ExpectedVersion, Serialize(a.Events, serializer)))
            .ToList();
        var duplicate = streams.GroupBy(s => s.StreamId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Stream '{duplicate.Key}' appears twice in one append; merge its events.", nameof(appends));
        var metadataBytes = EventSerializer.SerializeMetadata(metadata);
        return new PreparedAppend(streams, Encoding.UTF8.GetString(metadataBytes), metadataBytes, metadata);
    }

    /// <summary>Imports and derives serialize thousands of events before taking the lock: spread that over the cores.</summary>
    private static List<PreparedEvent> Serialize(IReadOnlyList<object> events, EventSerializer serializer) =>
        events.Count < 512
            ? events.Select(e => PreparedEvent.From(e, serializer)).ToList()
            : events.AsParallel().AsOrdered().Select(e => PreparedEvent.From(e, serializer)).ToList();
}

internal sealed record PreparedStream(string StreamId, string StreamType, long ExpectedVersion, IReadOnlyList<PreparedEvent> Events);

internal sealed record PreparedEvent(object Data, string Alias, byte[] Canonical, string Text)
{
    public static PreparedEvent From(object data, EventSerializer serializer)
    {
        var (alias, canonical) = serializer.Serialize(data);
        return new PreparedEvent(data, alias, canonical, Encoding.UTF8.GetString(canonical));
    }
}
