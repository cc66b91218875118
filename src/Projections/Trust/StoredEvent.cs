using System.Text.Json.Nodes;
using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Trust;

/// <summary>An mt_events row exactly as stored: what the chain seals and verify recomputes.</summary>
public sealed record StoredEvent(
    long Sequence, Guid Id, string StreamId, long Version, string Type, string Data, DateTimeOffset Timestamp,
    string? User, string? Correlation, string? Causation, string? Headers)
{
    /// <summary>The columns <see cref="Read"/> expects, for a query over traceability.mt_events aliased "e".</summary>
    public const string Columns =
        "e.seq_id, e.id, e.stream_id, e.version, e.type, e.data::text, e.\"timestamp\", e.user_name, e.correlation_id, e.causation_id, e.headers::text";

    public const int ColumnCount = 11;

    public static StoredEvent Read(NpgsqlDataReader r, int at = 0) => new(
        r.GetInt64(at), r.GetGuid(at + 1), r.GetString(at + 2), r.GetInt64(at + 3), r.GetString(at + 4), r.GetString(at + 5),
        r.GetFieldValue<DateTimeOffset>(at + 6), Text(r, at + 7), Text(r, at + 8), Text(r, at + 9), Text(r, at + 10));

    public JsonNode? HeadersNode => Headers is null ? null : JsonNode.Parse(Headers);

    public DigestInput DigestInput(JsonNode? headers) => new(
        Id, StreamId, Version, Type, Timestamp, User, Correlation, Causation,
        EventHeaders.Canonical(headers), CanonicalJson.Canonicalize(Data));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
