using Traceability.Api.Http;

namespace Traceability.Api.Requirements;

public static class RequirementEndpoints
{
    public static void MapRequirements(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requirements").WithTags("Requirements");
        group.MapGet("/", ListRequirements.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every requirement and goal, sorted by id, with its version.");
        group.MapGet("/{id}", GetRequirement.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one requirement; the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
