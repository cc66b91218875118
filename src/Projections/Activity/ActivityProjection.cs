using Npgsql;
using Traceability.Projections.Daemon;
using Traceability.Projections.Events;

namespace Traceability.Projections.Activity;

/// <summary>
/// Who did how much, per UTC day: an assessor's view of the log's activity. Asynchronous on purpose:
/// nobody needs it in the append's transaction, and it is what the daemon's single-runner rule guards
/// (applied twice, every count would double).
/// </summary>
public sealed class ActivityProjection : IAsyncProjection
{
    public const string ProjectionName = "activity";

    public string Name => ProjectionName;

    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var counts = events.GroupBy(e => (e.Metadata.Actor, Day: DateOnly.FromDateTime(e.Timestamp.UtcDateTime)))
            .Select(g => (g.Key.Actor, g.Key.Day, Events: (long)g.Count(), Last: g.Max(e => e.SeqId))).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO traceability.activity (actor, day, events, last_seq_id)
            SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[])
            ON CONFLICT (actor, day) DO UPDATE
            SET events = activity.events + EXCLUDED.events, last_seq_id = greatest(activity.last_seq_id, EXCLUDED.last_seq_id)
            """, connection);
        command.Parameters.Add(new() { Value = counts.Select(c => c.Actor).ToArray() });
        command.Parameters.Add(new() { Value = counts.Select(c => c.Day).ToArray() });
        command.Parameters.Add(new() { Value = counts.Select(c => c.Events).ToArray() });
        command.Parameters.Add(new() { Value = counts.Select(c => c.Last).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM traceability.activity", connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
