using System.Security.Claims;

namespace Traceability.Api.Keys;

/// <summary>
/// GET /api/me: the person (the key's name) and role behind the presented key, for any role. The web
/// pages check a key with it at sign-in and show who is signed in; scripts use it to check their key.
/// </summary>
public static class WhoAmI
{
    public sealed record Response(string Name, string Role);

    public static Ok<Response> Handle(HttpContext context) => TypedResults.Ok(new Response(
        context.User.Identity?.Name ?? "", context.User.FindFirstValue(ClaimTypes.Role) ?? ""));
}
