using Traceability.Api.Http;

namespace Traceability.Api.Baselines;

public static class BaselineEndpoints
{
    public static void MapBaselines(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines").WithTags("Baselines");
        group.MapPost("/", CreateBaseline.Handle).Validate<CreateBaseline.Request>().RequireAuthorization(Roles.Engineering)
            .WithSummary("Create a baseline: a platform, a kernel version and a variant name, e.g. {\"id\":\"arm64-6.1\",\"platform\":\"aarch64-qemu-virt\",\"kernelVersion\":\"6.1.192\",\"variant\":\"debian\"}.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListBaselines.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List baselines with their latest .config import (revision, SHA-256, architecture, symbol count).");
        group.MapGet("/{id}", GetBaseline.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get a baseline and its latest import (without the values: GET .../config returns them); ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/config", GetBaselineConfig.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get the latest imported .config as text (CONFIG_X=..., '# CONFIG_X is not set'); ETag is the import's SHA-256.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/config", ImportConfig.Handle).RequireAuthorization(Roles.Engineering)
            .WithSummary("Import a resolved .config (text/plain body, or multipart/form-data with one file field such as 'config'); answers how many symbols were added, removed and changed since the previous import (names=true lists them). An identical file is a no-op (200). A file whose header names another architecture or kernel series (major.minor) than the baseline's is refused with 409 unless ?force=true&forceReason=... (or form fields of those names) says why it belongs here.")
            .Accepts<string>("text/plain", "multipart/form-data")
            .Produces<ConfigImportResult>(StatusCodes.Status201Created).Produces<ConfigImportResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id}/derive", DeriveBaseline.Handle).RequireAuthorization(Roles.Engineering)
            .WithSummary("Derive a new baseline (e.g. 6.1 → 6.12) carrying every decision forward: JSON {\"id\":\"arm64-6.12\",\"kernelVersion\":\"6.12.117\"}, or multipart/form-data with the same fields and an optional .config file 'config' against which missing symbols are flagged at once (its import counts added, removed and changed symbols; names=true lists them; its header must name the new baseline's architecture and kernel series unless form fields force=true and forceReason say why).")
            .Accepts<DeriveBaseline.Request>("application/json", "multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id}/freeze", FreezeBaseline.Handle).Validate<FreezeBaseline.Request>().RequireAuthorization(Roles.Assessment)
            .WithSummary("Freeze a baseline for certification, e.g. {\"reason\":\"Submitted for assessment, release 2025.1\"}: afterwards neither its config nor its decisions change.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
