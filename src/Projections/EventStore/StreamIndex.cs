using Npgsql;

namespace Traceability.Projections.Events;

public sealed record StreamInfo(string Id, string Type, long Version, DateTimeOffset Created, DateTimeOffset Timestamp);

/// <summary>Lists streams by type or id prefix from the streams table: enough for the small catalogs (platforms, AoUs, ...).</summary>
public static class StreamIndex
{
    public static async Task<IReadOnlyList<StreamInfo>> ByTypeAsync(NpgsqlDataSource dataSource, string type, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, type, version, created, \"timestamp\" FROM traceability.streams WHERE type = $1 ORDER BY id");
        command.Parameters.Add(new() { Value = type });
        return await Read(command, ct);
    }

    public static async Task<IReadOnlyList<StreamInfo>> ByPrefixAsync(NpgsqlDataSource dataSource, string prefix, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, type, version, created, \"timestamp\" FROM traceability.streams WHERE starts_with(id, $1) ORDER BY id");
        command.Parameters.Add(new() { Value = prefix });
        return await Read(command, ct);
    }

    /// <summary>How many streams of a type exist; read inside an append's lock it numbers the next one race-free (AOU-0007).</summary>
    public static async Task<long> CountAsync(NpgsqlConnection connection, string type, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM traceability.streams WHERE type = $1", connection);
        command.Parameters.Add(new() { Value = type });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<IReadOnlyList<StreamInfo>> Read(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var streams = new List<StreamInfo>();
        while (await reader.ReadAsync(ct))
        {
            streams.Add(new StreamInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return streams;
    }
}
