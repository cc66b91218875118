using Traceability.Api.Http;

namespace Traceability.Api.Requirements;

public static class RequirementEndpoints
{
    public static void MapRequirements(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requirements").WithTags("Requirements");
        group.MapPost("/", RecordRequirement.Handle).Validate<RecordRequirement.Request>()
            .RequireAuthorization(Roles.Engineering)
            .WithSummary("Record a safety requirement or goal (kind requirement|goal) that rationales can cite, with its external (e.g. DOORS) id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListRequirements.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every requirement and goal, sorted by id, with its version.");
        group.MapGet("/{id}", GetRequirement.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one requirement; the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", ReviseRequirement.Handle).Validate<ReviseRequirement.Request>()
            .RequireAuthorization(Roles.Engineering)
            .WithSummary("Revise a requirement (send If-Match); every decision citing it is marked suspect in the same transaction.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
