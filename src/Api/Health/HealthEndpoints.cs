using Traceability.Api.Hosting;
using Traceability.Api.Http;

namespace Traceability.Api.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" }))
            .WithSummary("The process is up (no dependencies checked).");
        group.MapGet("/ready", Ready)
            .WithSummary("The service can serve requests: the database answers and the schema is current.")
            .Produces(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Ready(Database database, HttpContext context, CancellationToken ct)
    {
        await using var command = database.DataSource.CreateCommand("SELECT max(version) FROM traceability.schema_migrations");
        var schema = await command.ExecuteScalarAsync(ct);
        return TypedResults.Ok(new { status = "ready", schemaVersion = schema });
    }
}
