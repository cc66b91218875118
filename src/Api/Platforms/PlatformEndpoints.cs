using Traceability.Api.Http;

namespace Traceability.Api.Platforms;

public static class PlatformEndpoints
{
    public static void MapPlatforms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platforms").WithTags("Platforms");
        group.MapGet("/", ListPlatforms.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every registered platform, sorted by id, with its version.");
        group.MapGet("/{id}", GetPlatform.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one platform; the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
