using JasperFx.Events.Daemon;
using JasperFx;
using Traceability.Api.Hosting;
using Traceability.Projections.Activity;

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

    private static async Task<IResult> Ready(Database database, IProjectionCoordinator coordinator, CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand("SELECT max(version) FROM traceability.schema_migrations");
        var schema = await command.ExecuteScalarAsync(ct);
        // With several instances on one database, exactly one runs each async projection (Marten's HotCold daemon).
        var agents = coordinator.DaemonForMainDatabase().CurrentAgents();
        var projections = new[] { ActivityProjection.ProjectionName }.Select(name =>
        {
            var agent = agents.FirstOrDefault(a => a.Name.Name == name && a.Status == AgentStatus.Running);
            return new { name, runsHere = agent is not null, checkpoint = agent?.Position };
        });
        return TypedResults.Ok(new { status = "ready", schemaVersion = schema, projections });
    }
}
