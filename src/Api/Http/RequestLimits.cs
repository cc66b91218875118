using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace Traceability.Api.Http;

/// <summary>
/// Request body size, rate and time limits (issue 6), each answered with a problem document:
/// 413 for a body over the endpoint's <see cref="BodyLimit"/> (checked on Content-Length before reading, and
/// on the bytes actually read, chunked bodies included),
/// 429 with Retry-After past RateLimit:PermitPerMinute per API key (per remote address without one),
/// 504 after Limits:RequestTimeoutSeconds.
/// </summary>
public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var limits = RateLimits.From(configuration);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(limits.PartitionFor);
            options.OnRejected = (context, _) => Rejected(context);
        });
        services.AddRequestTimeouts(_ => { });
        services.AddOptions<RequestTimeoutOptions>().Configure<IConfiguration>((options, configuration) =>
            options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(configuration.GetValue("Limits:RequestTimeoutSeconds", 30.0)),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => WriteOutcome.SentFor(context)
                    ? Problems.Write(context, StatusCodes.Status504GatewayTimeout, "Request timed out",
                        "The request took longer than the service allows (Limits:RequestTimeoutSeconds) after its changes were sent to the database, "
                        + "so whether they were recorded is not known. Read the resource back before repeating the request.",
                        new Dictionary<string, object?> { ["outcome"] = "unknown" })
                    : Problems.Write(context, StatusCodes.Status504GatewayTimeout, "Request timed out",
                        "The request took longer than the service allows (Limits:RequestTimeoutSeconds); nothing was changed."),
            });
        return services;
    }

    /// <summary>Timeouts and the body cap; the rate limiter comes after authentication, which names the key.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        app.UseRequestTimeouts();
        return app.Use(LimitBody);
    }

    private static async Task LimitBody(HttpContext context, RequestDelegate next)
    {
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        var limit = LimitOf(context.GetEndpoint(), context.Request);
        var bytes = limit.BodyBytes(configuration);
        if (context.Request.ContentLength > bytes)
        {
            // Answered before reading a byte of the body: a 50 MB upload costs us nothing.
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"The body is larger than the limit of {limit.Describe(configuration)}.");
            return;
        }
        // One limit, ours: Kestrel's own (30 MB by default) would contradict it both ways.
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false }) size.MaxRequestBodySize = null;
        context.Request.Body = new CappedBody(context.Request.Body, bytes, () => BodyLimits.TooLarge(limit, configuration));
        await next(context);
    }

    /// <summary>
    /// The endpoint's declared limit for the body's content type; for .config endpoints (text/plain or multipart bodies)
    /// the .config one; otherwise JSON's.
    /// </summary>
    public static BodyLimit LimitOf(Endpoint? endpoint, HttpRequest request)
    {
        var mediaType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value : null;
        var declared = endpoint?.Metadata.GetOrderedMetadata<BodyLimit>().FirstOrDefault(l => l.AppliesTo(mediaType));
        if (declared is not null) return declared;
        var acceptsConfig = endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .Any(a => a.ContentTypes.Any(t => t is "text/plain" or "multipart/form-data")) == true;
        return acceptsConfig ? BodyLimit.Config : BodyLimit.Json;
    }

    private static async ValueTask Rejected(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Write(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"The caller (its API key, or its address without one) has used its {RateLimits.From(context.RequestServices.GetRequiredService<IConfiguration>()).Describe(context)}; retry after {seconds} s.");
    }
}
