using System.Security.Claims;
using Traceability.Api.Commands;

namespace Traceability.Api.Keys;

/// <summary>
/// GET /api/me: the key's name, the person it belongs to (whom four-eyes compares) and its role, for any role. The
/// web pages check a key with it at sign-in and show who is signed in; scripts use it to check their key.
/// </summary>
public static class WhoAmI
{
    public sealed record Response(string Name, string Owner, string Role);

    public static Ok<Response> Handle(HttpContext context) => TypedResults.Ok(new Response(
        context.User.Identity?.Name ?? "", Actor.Owner(context), context.User.FindFirstValue(ClaimTypes.Role) ?? ""));
}
