using Traceability.Projections.Events;

namespace Traceability.Projections.Tests;

public sealed record Noted(string Text, int Number);
public sealed record Counted(int By);

public static class TestEvents
{
    public static readonly EventTypeRegistry Registry = new([("noted", typeof(Noted)), ("counted", typeof(Counted))]);

    public static EventStore Store(Npgsql.NpgsqlDataSource dataSource, params IInlineProjection[] inline) =>
        new(dataSource, new EventSerializer(Registry), inline);

    public static readonly EventMetadata Alice = new("alice", "engineer", "test", "corr-1");
}
