using Traceability.Api.Http;

namespace Traceability.Api.Platforms;

public static class PlatformEndpoints
{
    public static void MapPlatforms(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platforms").WithTags("Platforms");
        group.MapPost("/", RegisterPlatform.Handle).Validate<RegisterPlatform.Request>()
            .RequireAuthorization(Roles.Administration)
            .WithSummary("Register a target platform (e.g. aarch64-qemu-virt: arm64, QEMU virt, EL0/EL1 in scope); configurations are judged against it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListPlatforms.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every registered platform, sorted by id, with its version.");
        group.MapGet("/{id}", GetPlatform.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one platform; the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
