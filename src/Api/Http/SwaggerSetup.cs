using Microsoft.OpenApi;

namespace Traceability.Api.Http;

public static class SwaggerSetup
{
    public static IServiceCollection AddSwagger(this IServiceCollection services) => services
        .AddEndpointsApiExplorer()
        .AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Traceability",
                Version = "v1",
                Description = "Kernel configuration decisions with their safety rationale, as events, projected into traceability matrices. " +
                    "Authorize with an API key (X-Api-Key). Writes accept If-Match: \"3\" (a resource's ETag, its version) and answer 412 when it is stale.",
            });
            // Each operation nests its own Request/Response: prefix the operation (ReviseAssumptionRequest) so schemas don't collide.
            var defaultSchemaId = options.SchemaGeneratorOptions.SchemaIdSelector;
            options.SchemaFilter<RequestExamples>();
            options.SchemaFilter<RequiredFromValidators>();
            options.OperationFilter<ResponseContentTypes>();
            options.OperationFilter<AcceptedBodies>();
            options.CustomSchemaIds(t => t.IsNested ? t.DeclaringType!.Name + defaultSchemaId(t) : defaultSchemaId(t));
            options.AddSecurityDefinition(ApiKeyAuthentication.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description = "An API key issued by an admin (POST /api/keys), or the bootstrap admin key printed at first start.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [],
            });
        });
}
