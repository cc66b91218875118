using System.Security.Claims;
using Traceability.Projections.Events;

namespace Traceability.Api.Commands;

/// <summary>The metadata every event carries: the key's name as actor, its role, the reason and a correlation id.</summary>
public static class Actor
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>The claim holding the person a key belongs to (four-eyes compares it).</summary>
    public const string OwnerClaim = "trc:owner";

    public static string Name(HttpContext context) => context.User.Identity?.Name ?? "anonymous";

    /// <summary>The person behind the key; a key issued before owners existed is its own person.</summary>
    public static string Owner(HttpContext context) => context.User.FindFirstValue(OwnerClaim) ?? Name(context);

    public static EventMetadata Metadata(HttpContext context, string? reason = null)
    {
        var correlation = context.Request.Headers[CorrelationHeader].ToString();
        return new EventMetadata(
            Name(context),
            context.User.FindFirstValue(ClaimTypes.Role),
            string.IsNullOrWhiteSpace(reason) ? null : reason,
            string.IsNullOrWhiteSpace(correlation) || correlation.Length > 100 ? context.TraceIdentifier : correlation,
            Key: context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null);
    }
}
