using System.Globalization;
using System.Threading.RateLimiting;

namespace Traceability.Api.Http;

/// <summary>
/// Requests per minute per API key (its name, so every client of one key shares it) and per remote
/// address for calls without a valid key. Generous defaults: the limit is against runaway scripts,
/// not normal use. 0 turns a limit off. Health probes are never limited.
/// </summary>
public sealed record RateLimits(int PermitPerMinute, int AnonymousPermitPerMinute)
{
    public static RateLimits From(IConfiguration configuration) => new(
        configuration.GetValue("RateLimit:PermitPerMinute", 6000),
        configuration.GetValue("RateLimit:AnonymousPermitPerMinute", 600));

    public RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("health");
        var (key, permits) = KeyOf(context);
        if (permits <= 0) return RateLimitPartition.GetNoLimiter("unlimited");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });
    }

    public string Describe(HttpContext context) =>
        $"{KeyOf(context).Permits.ToString(CultureInfo.InvariantCulture)} requests per minute";

    private (string Key, int Permits) KeyOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? ("key:" + name, PermitPerMinute)
            : ("address:" + context.Connection.RemoteIpAddress, AnonymousPermitPerMinute);
}
