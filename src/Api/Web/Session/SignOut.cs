namespace Traceability.Api.Web.Session;

/// <summary>POST /sign-out: ends the session (the cookie is cleared); the key itself stays valid until an admin revokes it.</summary>
public static class SignOut
{
    public static async Task<IResult> Submit(HttpContext context)
    {
        await Forms.ReadAsync(context);
        await WebSession.SignOutAsync(context);
        return Results.Redirect(WebSession.SignInPath);
    }
}
