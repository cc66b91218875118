using Traceability.Projections.Events;

namespace Traceability.Api.Commands;

/// <summary>A stream folded for reading (writes load theirs through Wolverine's aggregate workflow).</summary>
public static class StreamLoading
{
    public static Task<(T? State, long Version)> LoadAsync<T>(
        this EventLog log, string streamId, Func<T?, object, T?> evolve, CancellationToken ct) where T : class =>
        log.LoadAsync<T>(streamId, (state, e) => evolve(state, e.Data), ct);

    public static async Task<(T? State, long Version)> LoadAsync<T>(
        this EventLog log, string streamId, Func<T?, RecordedEvent, T?> evolve, CancellationToken ct) where T : class
    {
        var events = await log.ReadStreamAsync(streamId, null, ct);
        T? state = null;
        foreach (var e in events) state = evolve(state, e);
        return (state, events.Count == 0 ? 0 : events[^1].Version);
    }
}
