namespace Traceability.Projections.Events;

public sealed partial class EventStore
{
    /// <summary>
    /// Every event of every stream whose id starts with <paramref name="prefix"/> (e.g. all decisions
    /// of one baseline, "decision/arm64-6.1/"), by stream then version: one query instead of one per
    /// stream when a derive or an import touches thousands of decisions.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamsByPrefixAsync(string prefix, CancellationToken ct = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        return await ReadStreamsByPrefixAsync(connection, prefix, ct);
    }

    /// <summary>The same, through <paramref name="connection"/>: inside a decide step, where the batch's own writes are visible.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamsByPrefixAsync(Npgsql.NpgsqlConnection connection, string prefix, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        await using var command = new Npgsql.NpgsqlCommand($"""
            SELECT {Columns} FROM traceability.events
            WHERE stream_id IN (SELECT id FROM traceability.streams WHERE starts_with(id, $1))
            ORDER BY stream_id, version
            """, connection);
        command.Parameters.Add(new() { Value = prefix });
        return await ReadEvents(command, ct);
    }
}
