namespace Traceability.Api.Web;

/// <summary>
/// What a page shows when it cannot do what was asked: the API's own problem (status, title, detail),
/// a 403 naming the role, a 400 for a form without a valid antiforgery token. Never a stack trace.
/// </summary>
public static class ErrorPages
{
    public static Task ForbiddenAsync(HttpContext context) => Forbidden(context).ExecuteAsync(context);

    public static IResult Forbidden(HttpContext context)
    {
        var user = WebUser.Of(context);
        return Layout.Render(context, new Page("Not allowed", Html.Of($"""
            <h1>Not allowed</h1>
            <p class="problem" role="alert">The role <strong>{user.Role}</strong> of <strong>{user.Name}</strong> may not do this.
            Viewers read; engineers propose, revise, import and attach evidence; assessors approve, reject, reconfirm and freeze; admins do everything.</p>
            <p><a href="/">Back to the baselines</a></p>
            """), Status: StatusCodes.Status403Forbidden));
    }

    public static IResult Problem(HttpContext context, ApiProblem problem) =>
        Layout.Render(context, new Page(problem.Title, Html.Of($"""
            <h1>{problem.Title}</h1>
            {Widgets.Problem(problem)}
            <p><a href="/">Back to the baselines</a></p>
            """), Status: problem.Status));

    public static IResult FormRejected(HttpContext context) =>
        Problem(context, ApiProblem.Of(StatusCodes.Status400BadRequest, "The form could not be accepted",
            "It was not sent from this site's page in your session (its antiforgery token is missing or expired). Reload the page and try again."));

    public static IResult Unreachable(HttpContext context) =>
        Problem(context, ApiProblem.Of(StatusCodes.Status503ServiceUnavailable, "The service's API did not answer",
            "The page could not reach the API it is built on; nothing was changed. Retry shortly."));

    /// <summary>
    /// Turns what page handlers throw into pages: an API failure shows the API's problem; a key that the API
    /// no longer accepts (revoked) ends the session and asks to sign in again.
    /// </summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        try
        {
            return await next(invocation);
        }
        catch (ApiFailed failed) when (failed.Problem.Status == StatusCodes.Status401Unauthorized)
        {
            await WebSession.SignOutAsync(context);
            return Results.Redirect(Href.With(WebSession.SignInPath, ("expired", "1")));
        }
        catch (ApiFailed failed) when (failed.Problem.Status == StatusCodes.Status403Forbidden)
        {
            return Forbidden(context);
        }
        catch (ApiFailed failed)
        {
            return Problem(context, failed.Problem);
        }
        catch (FormRejected)
        {
            return FormRejected(context);
        }
        catch (HttpRequestException)
        {
            return Unreachable(context);
        }
    }
}
