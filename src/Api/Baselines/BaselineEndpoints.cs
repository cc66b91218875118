using Traceability.Api.Http;

namespace Traceability.Api.Baselines;

/// <summary>The baseline reads. The writes (create, import, derive, freeze) are Wolverine endpoints on their own classes.</summary>
public static class BaselineEndpoints
{
    public static void MapBaselines(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines").WithTags(BaselineRules.Tag);
        group.MapGet("/", ListBaselines.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("List baselines with their latest .config import (revision, SHA-256, architecture, symbol count).");
        group.MapGet("/{id}", GetBaseline.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get a baseline and its latest import (without the values: GET .../config returns them); ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/config", GetBaselineConfig.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Get the latest imported .config as text (CONFIG_X=..., '# CONFIG_X is not set'); ETag is the import's SHA-256.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
