namespace Traceability.Projections.Events;

/// <summary>
/// Events for one stream, appended only if the stream is at <paramref name="ExpectedVersion"/> (0: the
/// stream must not exist yet). Every append states its version: the log authenticates each event with
/// its stream and version, so a version the server would pick is not good enough.
/// </summary>
public sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<object> Events)
{
    public static StreamAppend Start(string streamId, params object[] events) => new(streamId, 0, events);
}

public sealed record AppendResult(IReadOnlyDictionary<string, long> StreamVersions)
{
    public static readonly AppendResult Nothing = new(new Dictionary<string, long>());

    public long VersionOf(string streamId) => StreamVersions[streamId];
}
