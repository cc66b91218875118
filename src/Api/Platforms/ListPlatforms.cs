using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.Platforms;

public static class ListPlatforms
{
    public static async Task<Ok<IReadOnlyList<PlatformView>>> Handle(EventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListViewsAsync(PlatformView.StreamType, PlatformView.From, ct));
}
