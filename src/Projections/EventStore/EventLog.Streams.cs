using Npgsql;

namespace Traceability.Projections.Events;

public sealed record StreamInfo(string Id, long Version, DateTimeOffset Created, DateTimeOffset Timestamp);

public sealed partial class EventLog
{
    /// <summary>The stream's current version; 0 when it does not exist.</summary>
    public async Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM traceability.mt_streams WHERE id = $1");
        command.Parameters.Add(new() { Value = streamId });
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    /// <summary>The stream's current version on a given connection (inside an append's transaction); 0 when it does not exist.</summary>
    public static async Task<long> StreamVersionAsync(NpgsqlConnection connection, string streamId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM traceability.mt_streams WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = streamId });
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    /// <summary>Streams whose id starts with <paramref name="prefix"/> ("aou/", "baseline/"), in id order.</summary>
    public async Task<IReadOnlyList<StreamInfo>> StreamsAsync(string prefix, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, version, created, \"timestamp\" FROM traceability.mt_streams WHERE starts_with(id, $1) ORDER BY id");
        command.Parameters.Add(new() { Value = prefix });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var streams = new List<StreamInfo>();
        while (await reader.ReadAsync(ct))
        {
            streams.Add(new StreamInfo(reader.GetString(0), reader.GetInt64(1),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return streams;
    }

    /// <summary>How many streams start with <paramref name="prefix"/>; counted under a lock it numbers the next one without gaps (AOU-0007).</summary>
    public static async Task<long> CountStreamsAsync(NpgsqlConnection connection, string prefix, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM traceability.mt_streams WHERE starts_with(id, $1)", connection);
        command.Parameters.Add(new() { Value = prefix });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
