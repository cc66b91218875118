using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Traceability.Api.Http;

/// <summary>
/// An operation that answers one status in several representations (the matrix as JSON or CSV, the check as
/// JSON or text) declares each with its own Produces; Swashbuckle keeps only the last, so Swagger UI offered
/// the matrix as CSV alone (issue 12, item 9). This puts every declared representation back, in declaration
/// order, so the first (JSON) is what Swagger UI selects by default.
/// </summary>
public sealed class ResponseContentTypes : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(p => p.ContentTypes.Any()).GroupBy(p => p.StatusCode).Where(g => g.Count() > 1);
        foreach (var status in declared)
        {
            var key = status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(key, out var response) != true || response is not OpenApiResponse concrete) continue;
            var content = new Dictionary<string, IOpenApiMediaType>(StringComparer.OrdinalIgnoreCase);
            foreach (var produced in status)
            {
                var schema = produced.Type is null || produced.Type == typeof(void) ? null : context.SchemaGenerator.GenerateSchema(produced.Type, context.SchemaRepository);
                foreach (var type in produced.ContentTypes) content.TryAdd(type, new OpenApiMediaType { Schema = schema });
            }
            concrete.Content = content;
        }
    }
}
