using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Traceability.Api.Http;
using Traceability.Projections.Audit;
using Traceability.Projections.Trust;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Audit;

/// <summary>
/// POST /api/audit-exports/verify: checks an uploaded export (application/zip or multipart) without trusting the
/// database. The upload goes to a temporary file as it arrives (within Limits:MaxExportUploadBytes), and the
/// verifier reads it within <see cref="ExportLimits"/>, so neither the upload nor what it inflates to is held in memory.
/// The service pins its own keys (<see cref="TrustedKeys"/>: its signing key and Audit:TrustedPublicKeys), never the
/// keys an export embeds: an export another deployment made and signed, whatever history it claims, is not valid here.
/// </summary>
public static class VerifyAuditExport
{
    public static async Task<IResult> Handle(HttpRequest request, HeavyReads heavyReads, TrustedKeys trusted, CancellationToken ct)
    {
        using var slot = heavyReads.Enter("this verification");
        await using var zip = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await ReadUploadAsync(request, zip, ct);
        zip.Position = 0;
        try
        {
            return TypedResults.Ok(await Task.Run(() => ExportVerifier.Verify(zip, [.. trusted.All.Select(k => k.PublicKeyPem)], cancellation: ct), ct));
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not an audit export",
                detail: $"The upload is not a readable zip archive: {ex.Message}");
        }
        catch (ExportLimitExceeded ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Larger than an audit export",
                detail: $"{ex.Message} Verification stopped there (see README, Security).",
                extensions: new Dictionary<string, object?> { ["inflatedBytes"] = ex.InflatedBytes });
        }
    }

    private static async Task ReadUploadAsync(HttpRequest request, Stream into, CancellationToken ct)
    {
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (type == "multipart/form-data")
        {
            await ReadSingleFileAsync(request, parsed!, into, ct);
            return;
        }
        if (type is not ("application/zip" or "application/octet-stream" or "application/x-zip-compressed"))
            throw new UnsupportedContent($"Send the export as application/zip or multipart/form-data, not '{request.ContentType}'.");
        await request.Body.CopyToAsync(into, ct);
    }

    /// <summary>The form's one file, streamed: the framework's form reader would buffer it and stop at its own 128 MB.</summary>
    private static async Task ReadSingleFileAsync(HttpRequest request, MediaTypeHeaderValue type, Stream into, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new BadRequest("The multipart/form-data content type has no boundary.");
        var reader = new MultipartReader(boundary, request.Body);
        var files = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            var isFile = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition();
            if (!isFile) { await section.Body.CopyToAsync(Stream.Null, ct); continue; }
            if (++files > 1) throw new BadRequest("Send exactly one file: the export zip.");
            await section.Body.CopyToAsync(into, ct);
        }
        if (files == 0) throw new BadRequest("Send exactly one file: the export zip.");
    }
}
