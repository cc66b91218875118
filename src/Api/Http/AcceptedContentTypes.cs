using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Traceability.Api.Http;

/// <summary>
/// Issue 12, item 9: a 415 must say what the operation reads. Routing answers a content type no endpoint
/// accepts before any endpoint is chosen, so the operation's declared types are found again from the
/// endpoints whose route and method match the request.
/// </summary>
public static class AcceptedContentTypes
{
    public static IReadOnlyList<string> Of(HttpContext context)
    {
        if (Declared(context.GetEndpoint()) is { Count: > 0 } own) return own;
        var sources = context.RequestServices.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => Matches(e, context.Request))
            .SelectMany(Declared).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>"This operation reads text/plain or multipart/form-data; the request's Content-Type is 'application/json'."</summary>
    public static string Detail(HttpContext context)
    {
        var accepted = Of(context);
        var sent = string.IsNullOrEmpty(context.Request.ContentType) ? "none" : $"'{context.Request.ContentType}'";
        return accepted.Count == 0
            ? $"This operation does not read the request's content type ({sent})."
            : $"This operation reads {string.Join(" or ", accepted)}; the request's Content-Type is {sent}.";
    }

    private static List<string> Declared(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];

    private static bool Matches(RouteEndpoint endpoint, HttpRequest request)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        if (methods is not null && !methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)) return false;
        var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText ?? ""), new RouteValueDictionary());
        return matcher.TryMatch(request.Path, new RouteValueDictionary());
    }
}
