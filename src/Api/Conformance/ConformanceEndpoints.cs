using Traceability.Api.Http;

namespace Traceability.Api.Conformance;

public static class ConformanceEndpoints
{
    public static void MapConformance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines").WithTags("Conformance");
        // A read: kernel CI calls it with a viewer key, and it writes nothing.
        group.MapPost("/{id}/check", CheckConfig.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Check a resolved .config against the baseline's approved decisions (text/plain body, or multipart/form-data with one file), for CI gates: deviations, decided symbols missing from the file (a decided n may be absent), undecided y/m symbols, pending decisions, and PASS/FAIL with a one-line summary. 200 even when it fails; ?strict=true also fails on undecided symbols; ?format=text answers the summary and one line per finding. Writes nothing.")
            .Accepts<string>("text/plain", "multipart/form-data")
            .Produces<ConformanceReport>(StatusCodes.Status200OK).Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
