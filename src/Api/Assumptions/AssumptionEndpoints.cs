using Traceability.Api.Http;

namespace Traceability.Api.Assumptions;

public static class AssumptionEndpoints
{
    public static void MapAssumptions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assumptions").WithTags("Assumptions of use");
        group.MapPost("/", DraftAssumption.Handle).Validate<DraftAssumption.Request>()
            .RequireAuthorization(Roles.Engineering)
            .WithSummary("Draft an assumption of use; it is numbered AOU-0001, AOU-0002, ... in order of drafting.")
            .ProducesValidationProblem();
        group.MapGet("/", ListAssumptions.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List every assumption of use, sorted by id, with status, version and history.");
        group.MapGet("/{id}", GetAssumption.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one assumption of use with its revision history (text, reason, actor, time); the ETag carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/accept", AcceptAssumption.Handle)
            .RequireAuthorization(Roles.Assessment)
            .WithSummary("Agree a draft assumption (assessor). The body is optional: {\"reason\": \"agreed in the WG call of 2024-05-02\"}.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id}/retire", RetireAssumption.Handle).Validate<RetireAssumption.Request>()
            .RequireAuthorization(Roles.Assessment)
            .WithSummary("Retire an assumption (assessor, reason required); every decision linking it is marked suspect.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
