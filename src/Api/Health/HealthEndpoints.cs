using Traceability.Api.Hosting;
using Traceability.Api.Http;
using Traceability.Projections.Daemon;

namespace Traceability.Api.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" }))
            .WithSummary("The process is up (no dependencies checked).");
        group.MapGet("/ready", Ready)
            .WithSummary("The service can serve requests: the database answers and the schema is current. Lists the async projections and whether this instance is their runner.")
            .Produces(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Ready(Database database, ProjectionDaemon daemon, HttpContext context, CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand("SELECT max(version) FROM traceability.schema_migrations");
        var schema = await command.ExecuteScalarAsync(ct);
        // Which instance runs which async projection: with several instances on one database, exactly one says runsHere.
        var projections = daemon.Runners.Select(r => new { name = r.Name, runsHere = r.IsLeader, checkpoint = r.Checkpoint });
        return TypedResults.Ok(new { status = "ready", schemaVersion = schema, projections });
    }
}
