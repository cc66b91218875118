using System.Text.Json.Nodes;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// Reads the chain from position 1 to the export's position: in full the events of the baseline, its
/// decisions and the assumptions, features and requirements those decisions ever linked; every other
/// event as chain data only (position, digest, link, stream, version, type, auth).
/// </summary>
public static class AuditLog
{
    private static readonly string[] ReferencePrefixes = ["aou/", "feature/", "requirement/"];

    public static async Task<IReadOnlyList<AuditEvent>> ReadAsync(NpgsqlDataSource dataSource, string baseline, long maxPosition, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.position, c.chained_at, c.digest, c.link, e.stream_id, e.version, e.type, e.headers::text,
                   e.id, e."timestamp", e.user_name, e.correlation_id, e.causation_id,
                   CASE WHEN e.stream_id = $2 OR starts_with(e.stream_id, $3) OR starts_with(e.stream_id, 'aou/')
                          OR starts_with(e.stream_id, 'feature/') OR starts_with(e.stream_id, 'requirement/') THEN e.data::text END
            FROM traceability.event_chain c JOIN traceability.mt_events e ON e.seq_id = c.seq_id
            WHERE c.position <= $1 ORDER BY c.position
            """);
        command.Parameters.Add(new() { Value = maxPosition });
        command.Parameters.Add(new() { Value = Domain.Baselines.Baseline.StreamId(baseline) });
        command.Parameters.Add(new() { Value = MatrixHistory.DecisionPrefix(baseline) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(ct)) events.Add(Read(reader));
        return KeepLinkedReferences(events, baseline);
    }

    private static AuditEvent Read(NpgsqlDataReader r)
    {
        var headers = r.IsDBNull(7) ? null : JsonNode.Parse(r.GetString(7));
        var payload = r.IsDBNull(13) ? null : new AuditPayload(r.GetGuid(8), r.GetFieldValue<DateTimeOffset>(9), Text(r, 10), Text(r, 11), Text(r, 12),
            CanonicalJson.Canonicalize(headers?.ToJsonString() ?? "{}"), CanonicalJson.Canonicalize(r.GetString(13)));
        return new AuditEvent(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), (byte[])r[2], (byte[])r[3], r.GetString(4), r.GetInt64(5),
            r.GetString(6), AuthHeader.Read(headers), payload);
    }

    /// <summary>Assumptions, features and requirements that no decision of the baseline ever linked lose their payload.</summary>
    private static IReadOnlyList<AuditEvent> KeepLinkedReferences(List<AuditEvent> events, string baseline)
    {
        var decisions = MatrixHistory.DecisionPrefix(baseline);
        var links = LinkedIds.Of(events.Where(e => e.Payload is not null && e.StreamId.StartsWith(decisions, StringComparison.Ordinal))
            .Select(e => e.ToRecorded().Data));
        var needed = links.StreamIds();
        return [.. events.Select(e => e.Payload is not null && IsReference(e.StreamId) && !needed.Contains(e.StreamId) ? e with { Payload = null } : e)];
    }

    private static bool IsReference(string stream) => ReferencePrefixes.Any(p => stream.StartsWith(p, StringComparison.Ordinal));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
