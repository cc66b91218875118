using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Traceability.Api.Http;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Baselines;

/// <summary>What a config upload carried: the .config bytes (null when the form had no file) and the other form fields.</summary>
public sealed record ConfigUpload(byte[]? Config, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Reads a .config sent as text/plain (the raw body) or multipart/form-data (one file field), with
/// our own size cap: Kestrel's default limit (30 MB) is far above any real .config (~340 KB),
/// and an oversized body must be a 413 ProblemDetails, not a half-read request.
/// </summary>
public static class ConfigUploads
{
    public const long DefaultMaxConfigBytes = 8 * 1024 * 1024;
    private const int MaxFieldChars = 16 * 1024;
    private const int MaxSections = 16;

    public static long MaxConfigBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>("Limits:MaxConfigBytes") is { } max and > 0 ? max : DefaultMaxConfigBytes;

    public static bool IsText(HttpRequest request) => MediaType(request) == "text/plain";

    public static bool IsMultipart(HttpRequest request) => MediaType(request) == "multipart/form-data";

    public static async Task<ConfigUpload> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes + MaxFieldChars) throw TooLarge(maxBytes);
        if (IsText(request)) return new ConfigUpload(await ReadCappedAsync(request.Body, maxBytes, ct), new Dictionary<string, string>());
        if (IsMultipart(request)) return await ReadMultipartAsync(request, maxBytes, ct);
        throw new UnsupportedContent(
            $"Send the .config as text/plain or as multipart/form-data with one file field, not '{request.ContentType}'.");
    }

    private static async Task<ConfigUpload> ReadMultipartAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new BadRequest("The multipart/form-data content type has no boundary.");
        var reader = new MultipartReader(boundary, request.Body);
        byte[]? config = null;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++sections > MaxSections) throw new BadRequest($"A config upload has at most {MaxSections} form fields.");
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new BadRequest("Every multipart section needs a Content-Disposition: form-data header.");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (config is not null) throw new BadRequest("Send exactly one .config file.");
                config = await ReadCappedAsync(section.Body, maxBytes, ct);
            }
            else fields[name] = await ReadFieldAsync(section, name, ct);
        }
        return new ConfigUpload(config, fields);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken ct)
    {
        var bytes = await ReadCappedAsync(section.Body, MaxFieldChars, ct, () => new BadRequest($"Form field '{name}' is too long."));
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static async Task<byte[]> ReadCappedAsync(Stream body, long max, CancellationToken ct, Func<Exception>? tooLarge = null)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw tooLarge?.Invoke() ?? TooLarge(max);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge(long max) => new(
        $"The .config is larger than the limit of {max.ToString("N0", CultureInfo.InvariantCulture)} bytes (Limits:MaxConfigBytes).",
        StatusCodes.Status413PayloadTooLarge);

    private static string? MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() : null;
}
