using System.Globalization;

namespace Traceability.Api.Http;

/// <summary>Stream versions as strong ETags ("3"); If-Match on writes guards against lost updates.</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version the client expects, or null when it sent no If-Match (or "*").</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var bare = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        bare = bare.Trim('"');
        return long.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new BadRequest($"If-Match must be a version ETag such as \"3\", not '{header}'.");
    }

    /// <summary>412 when If-Match names a version the stream is no longer at.</summary>
    public static void Check(HttpRequest request, string resource, long actual)
    {
        var expected = IfMatch(request);
        if (expected is not null && expected != actual) throw new PreconditionFailed(resource, expected.Value, actual);
    }

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = Format(version);
}
