using System.Text.Json.Nodes;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// Reads the chain from position 1 to the export's position: in full the events of the baseline, its
/// decisions and the assumptions, features and requirements those decisions ever linked, the baseline's
/// platform and the Kconfig catalog report.html groups symbols by (<see cref="ExportCatalog"/>); every other
/// event as chain data only (position, digest, link, stream, version, type, auth).
/// </summary>
public static class AuditLog
{
    private static readonly string[] ReferencePrefixes = ["aou/", "feature/", "requirement/"];

    public static async Task<IReadOnlyList<AuditEvent>> ReadAsync(NpgsqlDataSource dataSource, string baseline, long maxPosition, CancellationToken ct)
    {
        var (platform, catalog) = await CarriedStreamsAsync(dataSource, baseline, maxPosition, ct);
        await using var command = dataSource.CreateCommand("""
            SELECT c.position, c.chained_at, c.digest, c.link, e.stream_id, e.version, e.type, e.headers::text,
                   e.id, e."timestamp", e.user_name, e.correlation_id, e.causation_id,
                   CASE WHEN e.stream_id = $2 OR starts_with(e.stream_id, $3) OR starts_with(e.stream_id, 'aou/')
                          OR starts_with(e.stream_id, 'feature/') OR starts_with(e.stream_id, 'requirement/')
                          OR e.stream_id = $4 OR e.stream_id = $5 THEN e.data::text END
            FROM traceability.event_chain c JOIN traceability.mt_events e ON e.seq_id = c.seq_id
            WHERE c.position <= $1 ORDER BY c.position
            """);
        command.Parameters.Add(new() { Value = maxPosition });
        command.Parameters.Add(new() { Value = Domain.Baselines.Baseline.StreamId(baseline) });
        command.Parameters.Add(new() { Value = MatrixHistory.DecisionPrefix(baseline) });
        command.Parameters.Add(new() { Value = (object?)platform ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)catalog ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(ct)) events.Add(Read(reader));
        return KeepLinkedReferences(events, baseline);
    }

    /// <summary>The platform stream and the catalog stream <see cref="ExportCatalog.Choose(string?, string, IEnumerable{string})"/> picks, read before the log.</summary>
    private static async Task<(string? Platform, string? Catalog)> CarriedStreamsAsync(
        NpgsqlDataSource dataSource, string baseline, long maxPosition, CancellationToken ct)
    {
        await using var created = dataSource.CreateCommand("""
            SELECT b.data->>'platform', b.data->>'kernelVersion', p.data->>'architecture'
            FROM traceability.mt_events b
            LEFT JOIN traceability.mt_events p ON p.stream_id = 'platform/' || (b.data->>'platform') AND p.type = 'platform_registered'
            WHERE b.stream_id = $1 AND b.version = 1
            """);
        created.Parameters.Add(new() { Value = Domain.Baselines.Baseline.StreamId(baseline) });
        string? platform = null, version = null, architecture = null;
        await using (var reader = await created.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct)) (platform, version, architecture) = (Text(reader, 0), Text(reader, 1), Text(reader, 2));
        }
        if (platform is null || version is null) return (null, null);
        await using var catalogs = dataSource.CreateCommand("""
            SELECT DISTINCT e.stream_id FROM traceability.event_chain c JOIN traceability.mt_events e ON e.seq_id = c.seq_id
            WHERE e.type = 'catalog_built' AND c.position <= $1
            """);
        catalogs.Parameters.Add(new() { Value = maxPosition });
        var built = new List<string>();
        await using (var reader = await catalogs.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) built.Add(reader.GetString(0));
        }
        return (Domain.Platforms.Platform.StreamId(platform), ExportCatalog.Choose(architecture, version, built));
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
