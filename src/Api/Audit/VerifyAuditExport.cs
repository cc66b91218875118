using Microsoft.AspNetCore.Http.Features;
using Traceability.Api.Http;
using Traceability.Projections.Audit;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Audit;

/// <summary>POST /api/audit-exports/verify: checks an uploaded export (application/zip or multipart) without trusting the database.</summary>
public static class VerifyAuditExport
{
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static async Task<IResult> Handle(HttpRequest request, CancellationToken ct)
    {
        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = MaxUploadBytes;
        using var zip = new MemoryStream();
        await ReadUploadAsync(request, zip, ct);
        zip.Position = 0;
        try
        {
            return TypedResults.Ok(ExportVerifier.Verify(zip));
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not an audit export",
                detail: $"The upload is not a readable zip archive: {ex.Message}");
        }
    }

    private static async Task ReadUploadAsync(HttpRequest request, Stream into, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count != 1) throw new BadRequest("Send exactly one file: the export zip.");
            await form.Files[0].CopyToAsync(into, ct);
            return;
        }
        var type = request.ContentType?.Split(';')[0].Trim();
        if (type is not ("application/zip" or "application/octet-stream" or "application/x-zip-compressed"))
            throw new UnsupportedContent($"Send the export as application/zip or multipart/form-data, not '{request.ContentType}'.");
        await request.Body.CopyToAsync(into, ct);
    }
}
