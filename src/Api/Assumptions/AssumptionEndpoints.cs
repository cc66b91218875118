using Traceability.Api.Http;

namespace Traceability.Api.Assumptions;

public static class AssumptionEndpoints
{
    public static void MapAssumptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assumptions").WithTags("Assumptions of use");
        group.MapGet("/", ListAssumptions.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every assumption of use, sorted by id, with status, version and history.");
        group.MapGet("/{id}", GetAssumption.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one assumption of use with its revision history (text, reason, actor, time); the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
