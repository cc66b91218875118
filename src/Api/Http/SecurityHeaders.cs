namespace Traceability.Api.Http;

/// <summary>
/// Browser hardening headers on every response (issue 13, item 8: Swagger UI sent none). The API's own
/// answers are data, never pages: nothing may load, frame or sniff them. Swagger UI is a page that loads
/// its own scripts and styles (and inline styles and data: images of its bundle) and calls this origin only.
/// The service's web pages carry their own, as strict, policy (Web/HtmlResult), which is kept.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string SwaggerPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // A web page sets its own policy and referrer rule (HtmlResult); everything else gets the API's or Swagger UI's.
            if (string.IsNullOrEmpty(headers["Referrer-Policy"])) headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
