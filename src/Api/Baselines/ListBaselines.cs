using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>GET /api/baselines: every baseline with its latest import, ordered by id.</summary>
public static class ListBaselines
{
    public static async Task<Ok<IReadOnlyList<BaselineView>>> Handle(EventLog log, CancellationToken ct)
    {
        var streams = await log.StreamsAsync(BaselineReads.StreamType + "/", ct);
        var views = new List<BaselineView>(streams.Count);
        foreach (var stream in streams)
        {
            var id = stream.Id[(stream.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];
            if (await BaselineReads.LoadAsync(log, id, ct) is { } loaded) views.Add(loaded.View);
        }
        return TypedResults.Ok<IReadOnlyList<BaselineView>>(views);
    }
}
