using System.Globalization;

namespace Traceability.Api.Http;

/// <summary>
/// The one limit on the bytes of an endpoint's request body (issue 13, item 7), named by its setting and
/// declared on the endpoint (<see cref="BodyLimits.WithBodyLimit"/>); endpoints that declare none get the
/// JSON limit. Sized for real data: a JSON body is a few KB; Debian's largest resolved .config is ~340 KB; a
/// real audit export is 0.4 to 20 MB; Debian's linux-source-6.12 tarball is ~150 MB.
/// </summary>
public sealed record BodyLimit(string Setting, long DefaultBytes, long OverheadBytes = 0, IReadOnlyList<string>? ContentTypes = null)
{
    private const long MiB = 1024 * 1024;

    public static readonly BodyLimit Json = new("Limits:MaxRequestBytes", 1 * MiB);

    /// <summary>A .config, plus room for the multipart framing and form fields around it (ConfigUploads caps each).</summary>
    public static readonly BodyLimit Config = new("Limits:MaxConfigBytes", 8 * MiB, 1 * MiB);

    public static readonly BodyLimit ExportUpload = new("Limits:MaxExportUploadBytes", 256 * MiB);

    /// <summary>Only for tarballs and compact catalogs: the same endpoint's JSON body ({path, ...}) keeps the JSON limit.</summary>
    public static readonly BodyLimit CatalogUpload = new("Limits:MaxCatalogUploadBytes", 512 * MiB, 0,
        ["application/gzip", "application/x-gzip", "application/x-tar+gzip", "application/x-xz", "application/x-tar+xz", Catalogs.CompactCatalog.MediaType]);

    public static readonly IReadOnlyList<BodyLimit> All = [Json, Config, ExportUpload, CatalogUpload];

    /// <summary>The configured (or default) limit of the content itself, without the overhead.</summary>
    public long ContentBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>(Setting) is { } max and > 0 ? max : DefaultBytes;

    /// <summary>What the body as a whole may hold: the content and its overhead.</summary>
    public long BodyBytes(IConfiguration configuration) => ContentBytes(configuration) + OverheadBytes;

    /// <summary>Whether this limit is the one for a body of <paramref name="mediaType"/> (null: no Content-Type).</summary>
    public bool AppliesTo(string? mediaType) =>
        ContentTypes is null || (mediaType is not null && ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase));

    public string Describe(IConfiguration configuration) =>
        $"{BodyBytes(configuration).ToString("N0", CultureInfo.InvariantCulture)} bytes ({Setting})";
}

public static class BodyLimits
{
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder, BodyLimit limit) => builder.WithMetadata(limit);

    /// <summary>Thrown by <see cref="CappedBody"/> when more is read than the limit allows: the framework's own 413, as a problem document.</summary>
    public static BadHttpRequestException TooLarge(BodyLimit limit, IConfiguration configuration) => new(
        $"The body is larger than the limit of {limit.Describe(configuration)}.", StatusCodes.Status413PayloadTooLarge);
}
