using Traceability.Api.Http;

namespace Traceability.Api.Decisions;

public static class DecisionEndpoints
{
    public static void MapDecisions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines/{baseline}/decisions").WithTags("Decisions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", ProposeDecision.Handle).Validate<ProposeDecision.Request>().RequireAuthorization(Roles.Engineering)
            .WithSummary("Propose the decision on one symbol (FUTEX or CONFIG_FUTEX) in an open baseline: value, rationale, linked AoUs, features, requirements.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListDecisions.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List the baseline's decisions: symbol, value, status, revision, suspect, symbol-missing and left-catalog flags, version, and who proposed the current revision.");
        group.MapGet("/{symbol}", GetDecision.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("One decision: current value, rationale, links, status, approvals, evidence, leftCatalog (the symbol left the kernel's catalog, with rename suggestions), live dependency warnings, and its full history (every event with actor, time and reason).");
        MapWrite(group.MapPut("/{symbol}", ReviseDecision.Handle).Validate<ReviseDecision.Request>(), Roles.Engineering)
            .WithSummary("Revise a decision (If-Match): new value, rationale, links and the reason; it returns to proposed and needs a fresh approval.");
        MapWrite(group.MapPost("/{symbol}/approve", ApproveDecision.Handle), Roles.Assessment)
            .WithSummary("Approve a proposed decision (If-Match); the optional meaning is what the signature asserts. The proposer's key cannot approve (four-eyes).");
        MapWrite(group.MapPost("/{symbol}/reject", RejectDecision.Handle).Validate<ReasonRequest>(), Roles.Assessment)
            .WithSummary("Reject a proposed decision (If-Match); a reason is required.");
        MapWrite(group.MapPost("/{symbol}/reconfirm", ReconfirmDecision.Handle).Validate<ReasonRequest>(), Roles.Assessment)
            .WithSummary("Reconfirm a suspect decision after a linked AoU, feature or requirement changed (If-Match); a reason is required.");
        MapWrite(group.MapPost("/{symbol}/withdraw", WithdrawDecision.Handle).Validate<ReasonRequest>(), Roles.Engineering)
            .WithSummary("Withdraw a decision (If-Match); a reason is required. A withdrawn decision takes no further changes.");
        MapWrite(group.MapPost("/{symbol}/evidence", AttachEvidence.Handle).Validate<AttachEvidence.Request>(), Roles.Engineering)
            .WithSummary("Attach evidence to a decision (If-Match): kind test|analysis|review, reference, outcome pass|fail|inconclusive, summary.");
    }

    private static RouteHandlerBuilder MapWrite(RouteHandlerBuilder builder, string policy) =>
        builder.RequireAuthorization(policy).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
