using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Events;

/// <summary>An event fully specified by its writer: id, version, time and metadata included (e.g. copied from release 0.1.0's log).</summary>
/// <paramref name="DotnetType"/> is what Marten writes in mt_dotnet_type; null looks it up from the alias among the service's events.
public sealed record EventRow(
    Guid Id, string StreamId, long Version, string Type, string DataJson, DateTimeOffset Timestamp, EventMetadata Metadata, string? DotnetType = null);

/// <summary>
/// Writes events straight into Marten's tables with one multi-row INSERT, each group signed as one append
/// exactly as <see cref="AppendAuthentication"/> signs a session: for copying a whole log, where Marten's
/// per-stream append would cost a round trip per stream and could not keep the original times.
/// </summary>
public static class EventRows
{
    public static async Task InsertAsync(NpgsqlConnection connection, ServiceKey key, IReadOnlyList<IReadOnlyList<EventRow>> appends, CancellationToken ct)
    {
        var rows = appends.SelectMany(a => a).ToList();
        if (rows.Count == 0) return;
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Streams(rows));
        batch.BatchCommands.Add(Events(rows, Sign(key, appends)));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Each event's headers (role, reason) with its "auth" header: every group is signed as one append.</summary>
    public static JsonObject[] Sign(ServiceKey key, IReadOnlyList<IReadOnlyList<EventRow>> appends)
    {
        var headers = new JsonObject[appends.Sum(a => a.Count)];
        var at = 0;
        foreach (var append in appends)
        {
            var first = at;
            var digests = append.Select(r => EventDigest.Compute(Digest(r, headers[at++] = Headers(r.Metadata)))).ToList();
            AppendAuthentication.Sign(key, digests, (i, auth) => headers[first + i][AuthHeader.Name] = JsonSerializer.SerializeToNode(auth, EventJson.Options));
        }
        return headers;
    }

    private static JsonObject Headers(EventMetadata metadata) =>
        new(metadata.Headers().Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));

    private static DigestInput Digest(EventRow r, JsonObject headers) => new(
        r.Id, r.StreamId, r.Version, r.Type, r.Timestamp, r.Metadata.Actor, r.Metadata.CorrelationId, r.Metadata.CausationId,
        EventHeaders.Canonical(headers), CanonicalJson.Canonicalize(r.DataJson));

    public static NpgsqlBatchCommand Events(IReadOnlyList<EventRow> rows, JsonObject[] headers) => new("""
        INSERT INTO traceability.mt_events (seq_id, id, stream_id, version, data, type, "timestamp", mt_dotnet_type,
            correlation_id, causation_id, headers, user_name)
        SELECT nextval('traceability.mt_events_sequence'), id, stream, version, data::jsonb, type, ts, dotnet, corr, cause, headers::jsonb, actor
        FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[],
            $10::text[], $11::text[]) AS r(id, stream, version, data, type, ts, dotnet, corr, cause, headers, actor)
        """)
    {
        Parameters =
        {
            new() { Value = rows.Select(r => r.Id).ToArray() }, new() { Value = rows.Select(r => r.StreamId).ToArray() },
            new() { Value = rows.Select(r => r.Version).ToArray() }, new() { Value = rows.Select(r => r.DataJson).ToArray() },
            new() { Value = rows.Select(r => r.Type).ToArray() },
            new() { Value = rows.Select(r => r.Timestamp).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new() { Value = rows.Select(r => r.DotnetType ?? DotnetType(r.Type)).ToArray() },
            new() { Value = rows.Select(r => r.Metadata.CorrelationId).ToArray() }, new() { Value = rows.Select(r => r.Metadata.CausationId).ToArray() },
            new() { Value = headers.Select(h => h.ToJsonString(EventJson.Options)).ToArray() },
            new() { Value = rows.Select(r => r.Metadata.Actor).ToArray() },
        },
    };

    private static NpgsqlBatchCommand Streams(List<EventRow> rows)
    {
        var streams = rows.GroupBy(r => r.StreamId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Version: g.Max(r => r.Version), Created: g.Min(r => r.Timestamp), Last: g.Max(r => r.Timestamp))).ToList();
        return new NpgsqlBatchCommand("""
            INSERT INTO traceability.mt_streams (id, version, created, "timestamp")
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::timestamptz[])
            ON CONFLICT (id) DO UPDATE SET version = greatest(mt_streams.version, excluded.version), "timestamp" = excluded."timestamp"
            """)
        {
            Parameters =
            {
                new() { Value = streams.Select(s => s.Id).ToArray() }, new() { Value = streams.Select(s => s.Version).ToArray() },
                new() { Value = streams.Select(s => s.Created).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = streams.Select(s => s.Last).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };
    }

    /// <summary>What Marten writes in mt_dotnet_type, so its own readers treat these rows like any other.</summary>
    private static string DotnetType(string alias)
    {
        var type = EventTypes.TypeOf(alias);
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }
}
