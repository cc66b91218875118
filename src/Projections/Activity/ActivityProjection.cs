using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Activity;

/// <summary>
/// Who did how much, per UTC day: an assessor's view of the log's activity. Asynchronous on purpose:
/// nobody needs it in the append's transaction, and it is what the daemon's one-runner rule (HotCold)
/// guards: applied twice, every count would double.
/// </summary>
public sealed class ActivityProjection : IProjection
{
    public const string ProjectionName = "activity";
    public const string Table = "activity";

    /// <summary>The daemon's shard (and checkpoint row in mt_event_progression).</summary>
    public const string ShardName = "activity:All";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var counts = events.Where(e => !GapFiller.Is(e.StreamKey ?? "", e.EventTypeName))
            .GroupBy(e => (Actor: e.UserName ?? "unknown", Day: DateOnly.FromDateTime(e.Timestamp.UtcDateTime)))
            .Select(g => (g.Key.Actor, g.Key.Day, Events: (long)g.Count(), Last: g.Max(e => e.Sequence))).ToList();
        if (counts.Count == 0) return Task.CompletedTask;
        operations.QueueSqlCommand("""
            INSERT INTO traceability.activity (actor, day, events, last_seq_id)
            SELECT * FROM unnest(?::text[], ?::date[], ?::bigint[], ?::bigint[])
            ON CONFLICT (actor, day) DO UPDATE
            SET events = activity.events + EXCLUDED.events, last_seq_id = greatest(activity.last_seq_id, EXCLUDED.last_seq_id)
            """, counts.Select(c => c.Actor).ToArray(), counts.Select(c => c.Day).ToArray(),
            counts.Select(c => c.Events).ToArray(), counts.Select(c => c.Last).ToArray());
        return Task.CompletedTask;
    }
}
