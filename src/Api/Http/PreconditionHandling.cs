namespace Traceability.Api.Http;

/// <summary>
/// A stale If-Match is answered here rather than by the exception handler, because that handler
/// strips ETag from its responses, and a 412 is only useful with the version the client should reload.
/// </summary>
public static class PreconditionHandling
{
    public static IApplicationBuilder UsePreconditionFailedWithETag(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (PreconditionFailed stale) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            ETags.Set(context.Response, stale.Actual);
            await Problems.Write(context, StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message,
                new Dictionary<string, object?> { ["currentVersion"] = stale.Actual });
        }
    });
}
