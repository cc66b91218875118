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

    /// <summary>
    /// The page's call to the API got no answer. Nothing was changed when the call was a read or its connection was
    /// never made; a write that was sent may have been carried out, so the page says so rather than inviting a repeat
    /// that would record the change twice (the API's own 503 and 504 say the same).
    /// </summary>
    public static IResult Unreachable(HttpContext context, ApiUnanswered failure) =>
        Problem(context, ApiProblem.Of(StatusCodes.Status503ServiceUnavailable, "The service's API did not answer", failure.MayHaveBeenCarriedOut
            ? "The connection to the API the page is built on broke after the form's request was sent, so whether it was carried out is not known. "
              + "Open the page again to see the current state before repeating it."
            : "The page could not reach the API it is built on; nothing was changed. Retry shortly."));

    /// <summary>
    /// The API answered the page's call, but the answer broke off (or was not what its status promised) before the page
    /// could read it. Its status still says what became of the request, and the page says that much.
    /// </summary>
    public static IResult AnswerBroken(HttpContext context, ApiAnswerBroken broken) =>
        Problem(context, ApiProblem.Of(StatusCodes.Status502BadGateway, "The API's answer could not be read", (broken.Call.Writes, broken.Status) switch
        {
            (false, _) => $"The API answered HTTP {broken.Status}, but the answer broke off before the page could read it; nothing was changed. Retry shortly.",
            (true, < 400) => $"The API carried out the request (HTTP {broken.Status}), but its answer broke off before the page could read it. "
                             + "Open the page again to see the result; do not repeat the request.",
            (true, < 500) => $"The API refused the request (HTTP {broken.Status}), so nothing was changed, but its explanation broke off before the page could read it. "
                             + "Open the page again and retry.",
            _ => $"The API failed (HTTP {broken.Status}) and its answer broke off, so whether the request was carried out is not known. "
                 + "Open the page again to see the current state before repeating it.",
        }));

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
        catch (ApiUnanswered failure)
        {
            return Unreachable(context, failure);
        }
        catch (ApiAnswerBroken broken)
        {
            return AnswerBroken(context, broken);
        }
    }
}
