using Traceability.Api.Commands;

namespace Traceability.Api.Http;

/// <summary>
/// Refuses, before any handler runs, what the permanent log must never hold and PostgreSQL cannot store
/// (issue 13, item 8): a NUL anywhere in the path or query (text columns refuse it, which surfaced as a 500
/// with the key still active), and any control character in X-Correlation-Id, which every event's metadata keeps.
/// Bodies and the reason of DELETE /api/keys are checked by their own validators (TextRules).
/// </summary>
public static class ControlCharacters
{
    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var problem = Find(context.Request);
        if (problem is null)
        {
            await next(context);
            return;
        }
        await Problems.Write(context, StatusCodes.Status400BadRequest, "Invalid request", problem);
    });

    private static string? Find(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
            return "The path holds a NUL character, which no id or name may contain.";
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                return $"The query parameter '{Printable(name)}' holds a NUL character, which no parameter may contain.";
        }
        var correlation = request.Headers[Actor.CorrelationHeader].ToString();
        return correlation.Any(char.IsControl)
            ? $"{Actor.CorrelationHeader} must not contain control characters: it is kept in the event log."
            : null;
    }

    private static string Printable(string text) => new(text.Where(c => !char.IsControl(c)).Take(64).ToArray());
}
