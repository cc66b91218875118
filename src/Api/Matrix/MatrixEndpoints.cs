using Traceability.Api.Http;

namespace Traceability.Api.Matrix;

public static class MatrixEndpoints
{
    public static void MapMatrix(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines").WithTags("Traceability matrix").RequireAuthorization(Roles.Read);
        group.MapGet("/{id}/matrix", GetMatrix.Handle)
            .WithSummary("The traceability matrix: one row per symbol with its config value, decision, links, evidence count, flags and last change. "
                + "Filters: flag (repeatable: undocumented|deviation|unapproved|suspect|symbol-missing), status (proposed|approved|rejected|withdrawn|none), "
                + "symbolPrefix, search, assumption, feature; sort symbol|status|configValue|lastChange ('-' for descending); page, pageSize (≤ 1000); "
                + "asOf=<chain position or ISO-8601 time> answers from history. Accept: text/csv or format=csv streams the whole filtered matrix as CSV.")
            .Produces<MatrixPage>(StatusCodes.Status200OK).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/coverage", GetCoverage.Handle)
            .WithSummary("Coverage of a baseline: counts and percentages per flag and status, and the share of built-in (y/m) symbols with an approved decision, in total and without deviation; asOf as for the matrix.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/admin/projections/matrix/rebuild", RebuildMatrix.Handle).WithTags("Administration")
            .RequireAuthorization(Roles.Administration)
            .WithSummary("Rebuild the matrix (and the decision links and keys it depends on) from the whole event log, holding their tables meanwhile; returns the rows written and the log position they reflect.");
    }
}
