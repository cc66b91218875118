using System.Text;

namespace Traceability.Api.Web;

/// <summary>
/// Links between pages: each path segment and query value is percent-encoded here, and the finished
/// URL is HTML-encoded when it lands in an attribute hole. Every link starts with '/', so no typed
/// value can become a javascript: or another site's URL.
/// </summary>
public static class Href
{
    public static string To(params string[] segments) =>
        "/" + string.Join('/', segments.Select(Uri.EscapeDataString));

    /// <summary>The path with the non-empty parameters as its query, in the order given.</summary>
    public static string With(string path, params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(value)) continue;
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return path + query;
    }

    /// <summary>
    /// A return address from a form or query, kept only when it is a path on this site: browsers drop tabs
    /// and line breaks inside URLs, so "/\t/evil.example" would become "//evil.example"; those are refused too.
    /// </summary>
    public static string? Local(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? url : null;
}
