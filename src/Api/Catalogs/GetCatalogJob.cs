using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Traceability.Api.Http;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

public static class GetCatalogJob
{
    /// <summary>The longest a client may ask the service to hold the answer for.</summary>
    public const int MaxWaitSeconds = 60;

    /// <summary>
    /// The job now, or, with wait=N, when it next changes (started, progress, ended) or after N seconds: a client
    /// follows a build without sleeping between polls. An ended job answers at once. The wait ends a second before
    /// the request timeout (Limits:RequestTimeoutSeconds, 30 by default) whatever N is, so a long wait on a job that
    /// does not change answers 200 with the job as it is, never 504.
    /// </summary>
    public static async Task<Ok<CatalogJobView>> Handle(Guid jobId, int? wait, CatalogJobs jobs, IOptions<RequestTimeoutOptions> timeouts, CancellationToken ct)
    {
        if (wait is < 0 or > MaxWaitSeconds) throw new BadRequest($"wait must be between 0 and {MaxWaitSeconds} seconds, not {wait}.");
        var job = await jobs.WaitAsync(jobId, Within(TimeSpan.FromSeconds(wait ?? 0), timeouts.Value), ct) ?? throw new ResourceNotFound($"Catalog job {jobId}");
        return TypedResults.Ok(job);
    }

    private static TimeSpan Within(TimeSpan wait, RequestTimeoutOptions timeouts) =>
        timeouts.DefaultPolicy?.Timeout is { } limit && wait > limit - TimeSpan.FromSeconds(1)
            ? TimeSpan.FromTicks(Math.Max(0, (limit - TimeSpan.FromSeconds(1)).Ticks))
            : wait;
}
