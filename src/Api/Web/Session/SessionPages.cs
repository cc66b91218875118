
namespace Traceability.Api.Web.Session;

public static class SessionPages
{
    public static void MapSessionPages(this RouteGroupBuilder pages)
    {
        pages.MapGet(WebSession.SignInPath, SignIn.Show).AllowAnonymous();
        pages.MapPost(WebSession.SignInPath, SignIn.Submit).AllowAnonymous();
        pages.MapPost("/sign-out", (Delegate)SignOut.Submit).RequireAuthorization(WebPolicies.Read);
    }
}
