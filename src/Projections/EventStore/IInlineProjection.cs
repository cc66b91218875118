using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>A read model updated in the append's own transaction: it commits or fails with the events.</summary>
public interface IInlineProjection
{
    Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
}
