using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Daemon;

/// <summary>A read model the daemon keeps up to date behind the log; rebuildable from scratch.</summary>
public interface IAsyncProjection
{
    /// <summary>Checkpoint name in event_progression; also keys the projection's advisory lock.</summary>
    string Name { get; }

    /// <summary>Applies a batch inside the daemon's transaction, which also moves the checkpoint.</summary>
    Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct);

    /// <summary>Empties the projection's tables before a rebuild replays the log.</summary>
    Task ResetAsync(NpgsqlConnection connection, CancellationToken ct);
}
