using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>GET /api/baselines/{id}/config: the latest import as .config text, its SHA-256 as the ETag.</summary>
public static class GetBaselineConfig
{
    public static async Task<IResult> Handle(string id, EventLog log, HttpContext context, CancellationToken ct)
    {
        var events = await log.ReadStreamAsync(Baseline.StreamId(id), null, ct);
        if (events.Count == 0) throw new ResourceNotFound($"Baseline '{id}'");
        var latest = events.Select(e => e.Data).OfType<ConfigImported>().LastOrDefault()
            ?? throw new ResourceNotFound($"An imported .config of baseline '{id}'");
        var etag = $"\"{latest.Sha256}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString().Trim() == etag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Text(ConfigText.Render(latest.Architecture, latest.KernelVersion, latest.Values), "text/plain; charset=utf-8");
    }
}
