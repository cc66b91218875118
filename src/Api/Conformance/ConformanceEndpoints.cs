using Traceability.Api.Http;

namespace Traceability.Api.Conformance;

public static class ConformanceEndpoints
{
    public static void MapConformance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines").WithTags("Conformance");
        // A read: kernel CI calls it with a viewer key, and it writes nothing.
        group.MapPost("/{id}/check", CheckConfig.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Check a resolved .config against the baseline's decisions (text/plain body, or multipart/form-data with one file), for CI gates. "
                + "Always fails on deviations and on approved decisions missing from the file (a decided n may be absent); failOn=suspect,unapproved,symbol-missing,undecided "
                + "(comma-joined; default suspect; none for none) adds what else fails, strict=true turns them all on. Every failure is listed with its cause "
                + "(for a suspect decision: the AoU, feature or requirement change that made it suspect). gate=true answers a FAIL with 422 "
                + "(the report in the problem document, or the text for format=text) so that curl --fail-with-body fails the job; without it the answer is 200. "
                + "format=text answers the summary line and one line per failure; listUndecided=true adds the undecided y/m symbols. Writes nothing.")
            .Accepts<string>("text/plain", "multipart/form-data")
            .Produces<ConformanceReport>(StatusCodes.Status200OK).Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
