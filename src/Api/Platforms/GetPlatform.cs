using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

namespace Traceability.Api.Platforms;

public static class GetPlatform
{
    public static async Task<Ok<PlatformView>> Handle(string id, EventLog log, HttpContext context, CancellationToken ct)
    {
        var view = await log.ViewAsync(Platform.StreamId(id), $"Platform '{id}'", PlatformView.From, ct);
        ETags.Set(context.Response, view.Version);
        return TypedResults.Ok(view);
    }
}
