using Traceability.Api.Http;

namespace Traceability.Api.HardwareFeatures;

public static class HardwareFeatureEndpoints
{
    public static void MapHardwareFeatures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/hardware-features").WithTags("Hardware features");
        group.MapPost("/", RegisterHardwareFeature.Handle).Validate<RegisterHardwareFeature.Request>()
            .RequireAuthorization(Roles.Engineering)
            .WithSummary("Register a protection feature (e.g. arm64-pan) with its governing symbols (CONFIG_ optional; none for SMEP) and per-platform availability.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListHardwareFeatures.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every hardware feature, sorted by id, with its version.");
        group.MapGet("/{id}", GetHardwareFeature.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one hardware feature; the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", ReviseHardwareFeature.Handle).Validate<ReviseHardwareFeature.Request>()
            .RequireAuthorization(Roles.Engineering)
            .WithSummary("Revise a feature (send If-Match). Changing its governing symbols marks every decision linking it suspect, in the same transaction.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
