using Traceability.Api.Http;

namespace Traceability.Api.Activity;

public static class ActivityEndpoints
{
    public static void MapActivity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activity").WithTags("Activity");
        group.MapGet("/", GetActivity.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Events per actor and UTC day over the last `days` days (1–366, default 30), from the async activity projection; asOfPosition says how far it has read the log.")
            .ProducesValidationProblem();
        app.MapPost("/api/admin/projections/activity/rebuild", RebuildActivity.Handle).WithTags("Administration")
            .RequireAuthorization(Roles.Administration)
            .WithSummary("Rebuild the async activity projection from the whole log on the instance that runs it, and start it again; 409 on another instance.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
