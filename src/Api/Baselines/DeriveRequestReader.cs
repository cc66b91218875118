using System.Text.Json;
using Microsoft.Extensions.Options;
using Traceability.Api.Http;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Baselines;

/// <summary>
/// Derive takes JSON, or multipart/form-data with the same fields plus an optional .config file (and
/// force/forceReason for a config whose header names another kernel series or architecture).
/// </summary>
public static class DeriveRequestReader
{
    public static async Task<(DeriveBaseline.Request Body, byte[]? Config, ImportForce Force)> ReadAsync(
        HttpRequest request, long maxConfigBytes, CancellationToken ct)
    {
        if (request.HasJsonContentType())
        {
            var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
            var body = await JsonSerializer.DeserializeAsync<DeriveBaseline.Request>(request.Body, options.Value.SerializerOptions, ct)
                ?? throw new BadRequest("The request body is missing.");
            return (body, null, ImportForce.None);
        }
        if (!ConfigUploads.IsMultipart(request))
        {
            throw new UnsupportedContent(
                $"Send application/json, or multipart/form-data with fields id, kernelVersion, variant and an optional file 'config'; not '{request.ContentType}'.");
        }
        var upload = await ConfigUploads.ReadAsync(request, maxConfigBytes, ct);
        var fields = upload.Fields;
        return (new DeriveBaseline.Request(
            fields.GetValueOrDefault("id") ?? "", fields.GetValueOrDefault("kernelVersion") ?? "", fields.GetValueOrDefault("variant")),
            upload.Config, ImportForce.Read(request, fields));
    }
}
