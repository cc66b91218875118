using Traceability.Api.Commands;
using Traceability.Projections.Events;

namespace Traceability.Api.Platforms;

public static class ListPlatforms
{
    public static async Task<Ok<IReadOnlyList<PlatformView>>> Handle(EventLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ListViewsAsync(PlatformView.StreamType, PlatformView.From, ct));
}
