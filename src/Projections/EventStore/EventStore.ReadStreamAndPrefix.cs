namespace Traceability.Projections.Events;

public sealed partial class EventStore
{
    /// <summary>
    /// One stream plus every stream whose id starts with <paramref name="prefix"/>, up to
    /// <paramref name="maxSeqId"/>, in seq_id order: e.g. a baseline and all its decisions, as of a moment.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAndPrefixAsync(string streamId, string prefix, long maxSeqId, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand($"""
            SELECT {Columns} FROM traceability.events
            WHERE (stream_id = $1 OR stream_id IN (SELECT id FROM traceability.streams WHERE starts_with(id, $2))) AND seq_id <= $3
            ORDER BY seq_id
            """);
        command.Parameters.Add(new() { Value = streamId });
        command.Parameters.Add(new() { Value = prefix });
        command.Parameters.Add(new() { Value = maxSeqId });
        return await ReadEvents(command, ct);
    }
}
