using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Traceability.Api.Web;

/// <summary>
/// The pages' session: an HttpOnly, SameSite=Strict cookie (Secure when the request came over HTTPS)
/// holding the signed-in key, its name and role in a ticket that ASP.NET Core Data Protection encrypts
/// and authenticates. The key itself never reaches the page or a URL; page handlers send it as
/// X-Api-Key on their own calls to the API.
/// </summary>
public static class WebSession
{
    public const string Scheme = "Session";
    public const string CookieName = "trc-session";
    public const string SignInPath = "/sign-in";
    private const string KeyClaim = "trc:api-key";

    public static AuthenticationBuilder AddWebSession(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = "returnUrl";
            // A role that may not use a page gets a 403 page, not a redirect to a page that does not exist.
            options.Events.OnRedirectToAccessDenied = context => ErrorPages.ForbiddenAsync(context.HttpContext);
        });

    public static Task SignInAsync(HttpContext context, Keys.WhoAmI.Response who, string key)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, who.Name), new Claim(ClaimTypes.Role, who.Role), new Claim(Commands.Actor.OwnerClaim, who.Owner), new Claim(KeyClaim, key)],
            Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The signed-in key; page endpoints are only reached with a session, so it is always there.</summary>
    public static string KeyOf(HttpContext context) =>
        context.User.FindFirstValue(KeyClaim) ?? throw new InvalidOperationException("A page handler ran without a session.");
}
