using System.Text;

namespace Traceability.Api.Web;

/// <summary>
/// A rendered page with the headers every page carries: a strict Content-Security-Policy (scripts and
/// styles only from this site's files, nothing inline, no frames, forms only to this site), no MIME
/// sniffing, no referrer outside the site, and no caching of what a signed-in user saw.
/// </summary>
public sealed class HtmlResult(Html html, int status) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        ApplyHeaders(response);
        await response.WriteAsync(html.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void ApplyHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
    }
}
