using Traceability.Api.Http;

namespace Traceability.Api.Activity;

public static class ActivityEndpoints
{
    public static void MapActivity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activity").WithTags("Activity");
        group.MapGet("/", GetActivity.Handle).RequireAuthorization(Roles.Read)
            .WithSummary("Events per actor and UTC day over the last `days` days (1–366, default 30), from the async activity projection; asOfSeqId says how far it has read the log.")
            .ProducesValidationProblem();
    }
}
