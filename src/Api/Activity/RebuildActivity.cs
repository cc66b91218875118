using JasperFx;
using JasperFx.Events.Daemon;
using Traceability.Api.Http;
using Traceability.Projections.Activity;

namespace Traceability.Api.Activity;

/// <summary>
/// POST /api/admin/projections/activity/rebuild: Marten's daemon empties the activity table and replays the
/// whole log into it, then the shard is started again (a rebuild leaves it stopped otherwise). Only the
/// instance that runs the projection may rebuild it: a second runner would count every event twice.
/// </summary>
public static class RebuildActivity
{
    public sealed record Response(string Projection, bool Running, long Sequence);

    public static async Task<Ok<Response>> Handle(IProjectionCoordinator coordinator, CancellationToken ct)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        if (!Running(daemon))
            throw new Refusal(StatusCodes.Status409Conflict, "Not the runner",
                $"The {ActivityProjection.ProjectionName} projection runs on another instance of the service (GET /health/ready says which); rebuild it there.");
        await daemon.RebuildProjectionAsync(ActivityProjection.ProjectionName, TimeSpan.FromMinutes(5), ct);
        if (!Running(daemon)) await daemon.StartAgentAsync(ActivityProjection.ShardName, ct);
        var agent = daemon.CurrentAgents().First(a => a.Name.Identity == ActivityProjection.ShardName);
        return TypedResults.Ok(new Response(ActivityProjection.ProjectionName, agent.Status == AgentStatus.Running, agent.Position));
    }

    private static bool Running(IProjectionDaemon daemon) =>
        daemon.CurrentAgents().Any(a => a.Name.Identity == ActivityProjection.ShardName && a.Status == AgentStatus.Running);
}
