using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Traceability.Api.Http;

/// <summary>
/// An operation that reads its body itself (a .config as text or a multipart form; derive's JSON or form) names what it
/// reads with [Consumes(type, content types)]. Wolverine's API description has no body for such an endpoint, so Swagger
/// UI offered no field to send one; this documents the body from that declaration when nothing else did.
/// </summary>
public sealed class AcceptedBodies : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is not null) return;
        var accepts = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>()
            .FirstOrDefault(a => a.ContentTypes.Count > 0);
        if (accepts is null) return;
        var schema = accepts.RequestType is null ? null : context.SchemaGenerator.GenerateSchema(accepts.RequestType, context.SchemaRepository);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = !accepts.IsOptional,
            Content = accepts.ContentTypes.ToDictionary(type => type, IOpenApiMediaType (_) => new OpenApiMediaType { Schema = schema }, StringComparer.OrdinalIgnoreCase),
        };
    }
}
