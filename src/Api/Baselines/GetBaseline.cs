using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>GET /api/baselines/{id}: the baseline and its latest import, without the values (GET .../config has them).</summary>
public static class GetBaseline
{
    public static async Task<Ok<BaselineView>> Handle(string id, EventLog log, HttpContext context, CancellationToken ct)
    {
        var loaded = await BaselineReads.LoadAsync(log, id, ct) ?? throw new ResourceNotFound($"Baseline '{id}'");
        ETags.Set(context.Response, loaded.Version);
        return TypedResults.Ok(loaded.View);
    }
}
