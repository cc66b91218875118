using System.Security.Claims;
using Traceability.Api.Http;

namespace Traceability.Api.Web;

/// <summary>Who is signed in: the key's name, its owner (the person four-eyes compares) and its role.</summary>
public sealed record WebUser(string Name, string Owner, string Role)
{
    public static WebUser Of(HttpContext context) => new(
        context.User.Identity?.Name ?? "", Commands.Actor.Owner(context), context.User.FindFirstValue(ClaimTypes.Role) ?? "");

    /// <summary>Whether the role may use what a policy guards: pages offer only the actions this admits.</summary>
    public bool May(string policy) => Roles.Admitted[policy].Contains(Role);

    public bool MayEngineer => May(Roles.Engineering);

    public bool MayAssess => May(Roles.Assessment);
}
