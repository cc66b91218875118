using Traceability.Api.Http;

namespace Traceability.Api.HardwareFeatures;

public static class HardwareFeatureEndpoints
{
    public static void MapHardwareFeatures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/hardware-features").WithTags("Hardware features");
        group.MapGet("/", ListHardwareFeatures.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every hardware feature, sorted by id, with its version.");
        group.MapGet("/{id}", GetHardwareFeature.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one hardware feature; the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
