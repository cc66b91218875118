using System.Security.Claims;
using Traceability.Projections.Events;

namespace Traceability.Api.Commands;

/// <summary>The metadata every event carries: the key's name as actor, its role, the reason and a correlation id.</summary>
public static class Actor
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static string Name(HttpContext context) => context.User.Identity?.Name ?? "anonymous";

    public static EventMetadata Metadata(HttpContext context, string? reason = null)
    {
        var correlation = context.Request.Headers[CorrelationHeader].ToString();
        return new EventMetadata(
            Name(context),
            context.User.FindFirstValue(ClaimTypes.Role),
            string.IsNullOrWhiteSpace(reason) ? null : reason,
            string.IsNullOrWhiteSpace(correlation) || correlation.Length > 100 ? context.TraceIdentifier : correlation);
    }
}
