using Traceability.Api.Http;

namespace Traceability.Api.Decisions;

/// <summary>The decision reads; the writes are Wolverine endpoints (ProposeDecision, ReviseDecision, ...).</summary>
public static class DecisionEndpoints
{
    public static void MapDecisions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines/{baseline}/decisions").WithTags(DecisionRules.Tag)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListDecisions.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List the baseline's decisions: symbol, value, status, revision, suspect, symbol-missing and left-catalog flags, version, and who proposed the current revision.");
        group.MapGet("/{symbol}", GetDecision.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("One decision: current value, rationale, links, status, approvals, evidence, leftCatalog (the symbol left the kernel's catalog, with rename suggestions), live dependency warnings, and its full history (every event with actor, time and reason).");
    }
}
