using Traceability.Api.Http;

namespace Traceability.Api.Catalogs;

public static class CatalogEndpoints
{
    public static void MapCatalogs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogs").WithTags("Catalogs");
        group.MapPost("/", BuildCatalog.Handle).RequireAuthorization(Roles.Administration).WithBodyLimit(BodyLimit.CatalogUpload)
            .Accepts<BuildCatalog.Request>("application/json", "application/gzip", "application/x-xz", CompactCatalog.MediaType)
            .WithSummary($"Build the Kconfig symbol catalog of (kernel version, architecture) from a server-side kernel tree (JSON {{path, kernelVersion, architecture}}), an uploaded .tar.gz or .tar.xz (?kernelVersion=&architecture=), or a compact catalog ({CompactCatalog.MediaType}, gzip'ed as samples/catalogs holds them; it names its kernel and architecture). A catalog of kernel 6.12.x serves every 6.12 baseline of its architecture.")
            .WithDescription("Only valid work becomes a job: bad input is refused at once (400, 409, 413, 415, 422). The build itself runs from a durable queue and survives a restart: 202 names the job in Location (/api/catalogs/jobs/{id}); follow it with GET ?wait=30 until it succeeded or failed.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/jobs/{jobId:guid}", GetCatalogJob.Handle)
            .RequireAuthorization(Roles.Read).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A catalog build job: state (queued, running, succeeded, failed), progress (Kconfig files read, config entries seen), then the catalog's location and view, or the reason it failed. ?wait=30 answers when the job next changes or ends (at most 60 s, and always a second inside Limits:RequestTimeoutSeconds, so never 504): follow a build without sleeping between polls.");
        group.MapGet("/", async (CatalogReads catalogs, CancellationToken ct) => TypedResults.Ok(await catalogs.ListAsync(ct)))
            .RequireAuthorization(Roles.Read)
            .WithSummary("List the built catalogs: kernel version, architecture, symbol count, source and the parser's problems.");
        group.MapGet("/{version}/{arch}/symbols", SearchCatalogSymbols.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Symbols whose name contains q (with or without CONFIG_, any case), names starting with q first: name, type and prompt; at most limit (default 20, up to 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{version}/{arch}/symbols/{name}", GetCatalogSymbol.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get one symbol (with or without CONFIG_): type, prompt, help, definition sites, dependencies, selects, defaults, ranges.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
