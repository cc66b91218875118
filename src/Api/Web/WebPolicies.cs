using Microsoft.AspNetCore.Authorization;
using Traceability.Api.Http;

namespace Traceability.Api.Web;

/// <summary>
/// The pages' policies: the API's role table (<see cref="Roles.Admitted"/>), read from the session cookie
/// instead of X-Api-Key. The API never accepts the cookie, so a page cannot be used to forge an API call
/// from another site, and the API still checks the key behind every call a page makes.
/// </summary>
public static class WebPolicies
{
    public const string Prefix = "page-";

    public static string For(string apiPolicy) => Prefix + apiPolicy;

    public static readonly string Read = For(Roles.Read);
    public static readonly string Engineering = For(Roles.Engineering);
    public static readonly string Assessment = For(Roles.Assessment);
    public static readonly string Administration = For(Roles.Administration);

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in Roles.Admitted)
        {
            options.AddPolicy(For(policy), new AuthorizationPolicyBuilder(WebSession.Scheme)
                .RequireAuthenticatedUser().RequireRole(roles).Build());
        }
    }
}
