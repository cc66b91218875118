namespace Traceability.Projections.Events;

/// <summary>Events for one stream, appended only if the stream is at <paramref name="ExpectedVersion"/>.</summary>
public sealed record StreamAppend(string StreamId, string StreamType, long ExpectedVersion, IReadOnlyList<object> Events)
{
    /// <summary>Starts a new stream: the append fails with <see cref="StreamVersionConflict"/> if it exists.</summary>
    public static StreamAppend Start(string streamId, string streamType, params object[] events) =>
        new(streamId, streamType, 0, events);
}

public static class ExpectedVersion
{
    /// <summary>Append whatever the stream's version is (used for flags the system sets, never for user writes).</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}

public sealed record AppendResult(long FirstSeqId, long LastSeqId, IReadOnlyDictionary<string, long> StreamVersions)
{
    public static readonly AppendResult Nothing = new(0, 0, new Dictionary<string, long>());

    public long VersionOf(string streamId) => StreamVersions[streamId];
}
