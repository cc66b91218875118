using Traceability.Projections.Trust;

namespace Traceability.Testing;

/// <summary>
/// The events the service wrote, for tests that check a refused request wrote nothing. Marten writes tombstones
/// (<see cref="GapFiller"/>) for the sequence numbers a failed save used, in the background and possibly after the
/// test counts, so they are left out.
/// </summary>
public static class WrittenEvents
{
    public const string CountSql = $"SELECT count(*) FROM traceability.mt_events WHERE stream_id <> '{GapFiller.Stream}'";
}
