namespace Traceability.Projections.Events;

/// <summary>
/// Event time as PostgreSQL stores it: microseconds. Marten stamps events with this clock before the
/// inline projections and the append signature see them, so what they see is what is stored.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public static MicrosecondClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow() => Truncate(base.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
