using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Traceability.Api.Baselines;

namespace Traceability.Api.Http;

/// <summary>
/// Request body size, rate and time limits (issue 6), each answered with a problem document:
/// 413 for a body over Limits:MaxRequestBytes (a .config endpoint allows Limits:MaxConfigBytes),
/// 429 with Retry-After past RateLimit:PermitPerMinute per API key (per remote address without one),
/// 504 after Limits:RequestTimeoutSeconds.
/// </summary>
public static class RequestLimits
{
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    /// <summary>Room for the multipart framing and form fields around a .config (ConfigUploads caps each).</summary>
    private const long MultipartOverhead = 1024 * 1024;

    public static long MaxRequestBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>("Limits:MaxRequestBytes") is { } max and > 0 ? max : DefaultMaxRequestBytes;

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
                WriteTimeoutResponse = context => Problems.Write(context, StatusCodes.Status504GatewayTimeout, "Request timed out",
                    "The request took longer than the service allows (Limits:RequestTimeoutSeconds); nothing was changed unless a retry shows otherwise."),
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
        var (limit, setting) = AcceptsConfig(context)
            ? (ConfigUploads.MaxConfigBytes(configuration) + MultipartOverhead, "Limits:MaxConfigBytes")
            : Accepts(context, Catalogs.CompactCatalog.MediaType) && !Catalogs.BuildCatalog.IsPathRequest(context.Request)
            ? (Catalogs.BuildCatalog.MaxUploadBytes(configuration), "Limits:MaxCatalogUploadBytes")
            : (MaxRequestBytes(configuration), "Limits:MaxRequestBytes");
        if (context.Request.ContentLength > limit)
        {
            // Answered before reading a byte of the body: a 50 MB upload costs us nothing.
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"The body is larger than the limit of {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes ({setting}).");
            return;
        }
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false }) size.MaxRequestBodySize = limit;
        await next(context);
    }

    /// <summary>The .config endpoints declare text/plain or multipart bodies; JSON endpoints get the small cap.</summary>
    private static bool AcceptsConfig(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .Any(a => a.ContentTypes.Any(t => t is "text/plain" or "multipart/form-data")) == true;

    /// <summary>Catalog uploads (kernel tarballs, compact catalogs) are megabytes: they have their own cap; a JSON request there keeps the small one.</summary>
    private static bool Accepts(HttpContext context, string contentType) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains(contentType)) == true;

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
