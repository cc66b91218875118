using Traceability.Api.Keys;

namespace Traceability.Api.Web.Session;

/// <summary>
/// GET and POST /sign-in: the API key is typed once, checked with GET /api/me, and kept only inside the
/// encrypted session cookie. A failed attempt never echoes the key back into the page.
/// </summary>
public static class SignIn
{
    private const int MaxKeyLength = 200;

    public static IResult Show(HttpContext context, string? returnUrl, string? expired) =>
        Form(context, returnUrl, expired is null ? null : "Your key is no longer accepted (revoked?); sign in again.", null, StatusCodes.Status200OK);

    public static async Task<IResult> Submit(HttpContext context, ApiClients apis, CancellationToken ct)
    {
        var form = await Forms.ReadAsync(context);
        var returnUrl = Href.Local(form.Text("returnUrl"));
        var key = form.Text("key")?.Trim();
        if (key is null || key.Length > MaxKeyLength)
            return Form(context, returnUrl, null, "Type the API key an admin issued to you.", StatusCodes.Status400BadRequest);
        var me = await apis.ForKey(key, context).GetAsync<WhoAmI.Response>("/api/me", ct);
        if (me.Problem is { Status: StatusCodes.Status401Unauthorized })
            return Form(context, returnUrl, null, "This key is unknown or revoked.", StatusCodes.Status401Unauthorized);
        var who = me.OrThrow();
        await WebSession.SignInAsync(context, who, key);
        return Results.Redirect(returnUrl ?? "/");
    }

    private static IResult Form(HttpContext context, string? returnUrl, string? notice, string? error, int status) =>
        Layout.Bare(new Page("Sign in", Html.Of($"""
            <section class="sign-in">
            <h1>Traceability</h1>
            <p>Kernel configuration decisions, their rationale and their review. Sign in with your API key.</p>
            {Widgets.Notice(notice)}
            {(error is null ? Html.Empty : Html.Of($"<p class=\"problem\" role=\"alert\" id=\"sign-in-error\">{error}</p>"))}
            <form method="post" action="{WebSession.SignInPath}">
            {Forms.Token(context)}
            {FormFields.Hidden("returnUrl", Href.Local(returnUrl))}
            <div class="field"><label for="sign-in-key">API key</label>
            <input type="password" id="sign-in-key" name="key" autocomplete="off" required autofocus{(error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\" aria-describedby=\"sign-in-error\""))}></div>
            <button type="submit">Sign in</button>
            </form>
            </section>
            """), Status: status));
}
