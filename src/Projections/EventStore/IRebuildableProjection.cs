using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>An inline projection that can be emptied and rebuilt by replaying the whole log.</summary>
public interface IRebuildableProjection : IInlineProjection
{
    string Name { get; }

    Task ResetAsync(NpgsqlConnection connection, CancellationToken ct);
}
