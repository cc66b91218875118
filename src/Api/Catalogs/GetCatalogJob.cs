using Traceability.Api.Http;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

public static class GetCatalogJob
{
    /// <summary>The longest a client may ask the service to hold the answer for (well inside the request timeout).</summary>
    public const int MaxWaitSeconds = 60;

    /// <summary>
    /// The job now, or, with wait=N, when it next changes (started, progress, ended) or after N seconds: a client
    /// follows a build without sleeping between polls. An ended job answers at once.
    /// </summary>
    public static async Task<Ok<CatalogJobView>> Handle(Guid jobId, int? wait, CatalogJobs jobs, CancellationToken ct)
    {
        if (wait is < 0 or > MaxWaitSeconds) throw new BadRequest($"wait must be between 0 and {MaxWaitSeconds} seconds, not {wait}.");
        var job = await jobs.WaitAsync(jobId, TimeSpan.FromSeconds(wait ?? 0), ct) ?? throw new ResourceNotFound($"Catalog job {jobId}");
        return TypedResults.Ok(job);
    }
}
