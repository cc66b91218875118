using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.Commands;

/// <summary>Load → pure Decide → append with the expected version: the Wolverine aggregate workflow, by hand.</summary>
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

    /// <summary>Loads a stream that must exist (404 otherwise) and checks If-Match against it (412 when stale).</summary>
    public static async Task<(T State, long Version)> LoadForWriteAsync<T>(
        this EventLog log, HttpRequest request, string streamId, string what, Func<T?, object, T?> evolve, CancellationToken ct) where T : class
    {
        var (state, version) = await log.LoadAsync(streamId, evolve, ct);
        if (state is null) throw new ResourceNotFound(what);
        ETags.Check(request, what, version);
        return (state, version);
    }
}
