using Traceability.Api.Http;

namespace Traceability.Api.Diff;

public static class DiffEndpoints
{
    public static void MapBaselineDiff(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/baselines/{a}/diff/{b}", DiffBaselines.Handle).WithTags("Baselines").RequireAuthorization(Roles.Read)
            .WithSummary("Compare the latest .config imports of two baselines (e.g. arm64-6.1 → arm64-6.12): symbols added, removed and changed, each with the decisions of either baseline on it. Two imports of one baseline: /api/baselines/arm64-6.12/diff/arm64-6.12?fromRevision=1&toRevision=2.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
