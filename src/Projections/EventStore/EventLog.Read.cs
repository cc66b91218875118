using System.Text.Json.Nodes;
using Marten;
using Npgsql;

namespace Traceability.Projections.Events;

public sealed partial class EventLog
{
    private const string Columns = """
        c.position, e.seq_id, e.id, e.stream_id, e.version, e.type, e.data, e."timestamp", e.user_name, e.correlation_id,
        e.causation_id, e.headers::text
        """;

    private const string Joined = "traceability.mt_events e LEFT JOIN traceability.event_chain c ON c.seq_id = e.seq_id";

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long? maxVersion = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadStreamAsync(connection, streamId, maxVersion, ct);
    }

    /// <summary>The same, through <paramref name="connection"/>: inside an append's transaction.</summary>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(NpgsqlConnection connection, string streamId, long? maxVersion, CancellationToken ct) =>
        ReadAsync(connection, $"SELECT {Columns} FROM {Joined} WHERE e.stream_id = $1 AND ($2::bigint IS NULL OR e.version <= $2) ORDER BY e.version",
            ct, streamId, (object?)maxVersion ?? DBNull.Value);

    /// <summary>Only the events of <paramref name="types"/> (e.g. a baseline's lifecycle, without its megabyte imports).</summary>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamOfTypesAsync(NpgsqlConnection connection, string streamId, IReadOnlyList<string> types, CancellationToken ct) =>
        ReadAsync(connection, $"SELECT {Columns} FROM {Joined} WHERE e.stream_id = $1 AND e.type = ANY($2) ORDER BY e.version", ct, streamId, types.ToArray());

    /// <summary>Every event of every stream whose id starts with <paramref name="prefix"/>, by stream then version: one query for a baseline's decisions.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamsByPrefixAsync(string prefix, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadStreamsByPrefixAsync(connection, prefix, ct);
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamsByPrefixAsync(NpgsqlConnection connection, string prefix, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return ReadAsync(connection, $"""
            SELECT {Columns} FROM {Joined}
            WHERE e.stream_id IN (SELECT id FROM traceability.mt_streams WHERE starts_with(id, $1)) ORDER BY e.stream_id, e.version
            """, ct, prefix);
    }

    /// <summary>One stream and every stream under <paramref name="prefix"/> up to a chain position, in position order: history as of that position.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAndPrefixAsync(string streamId, string prefix, long maxPosition, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, $"""
            SELECT {Columns} FROM traceability.event_chain c JOIN traceability.mt_events e ON e.seq_id = c.seq_id
            WHERE c.position <= $3 AND (e.stream_id = $1 OR e.stream_id IN (SELECT id FROM traceability.mt_streams WHERE starts_with(id, $2)))
            ORDER BY c.position
            """, ct, streamId, prefix, maxPosition);
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var serializer = store.Options.Serializer();
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct)) events.Add(Read(reader, serializer));
        return events;
    }

    private static RecordedEvent Read(NpgsqlDataReader r, ISerializer serializer)
    {
        var type = r.GetString(5);
        var headers = r.IsDBNull(11) ? null : JsonNode.Parse(r.GetString(11))?.AsObject();
        var metadata = EventMetadata.From(Text(r, 8), Text(r, 9), Text(r, 10),
            headers?.Where(h => h.Value is JsonValue).ToDictionary(h => h.Key, h => (object)h.Value!.ToString()));
        return new RecordedEvent(r.IsDBNull(0) ? null : r.GetInt64(0), r.GetInt64(1), r.GetGuid(2), r.GetString(3), r.GetInt64(4), type,
            serializer.FromJson(EventTypes.TypeOf(type), r, 6), metadata, r.GetFieldValue<DateTimeOffset>(7));
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
