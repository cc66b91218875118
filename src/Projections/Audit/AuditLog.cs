using System.Text;
using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Audit;

/// <summary>Reads the log prefix 1..asOf with the exact bytes the hash chain covers.</summary>
public static class AuditLog
{
    public static async Task<IReadOnlyList<AuditEvent>> ReadPrefixAsync(NpgsqlDataSource dataSource, long maxSeqId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT seq_id, id, stream_id, version, type, data::text, metadata::text, "timestamp", prev_hash, hash
            FROM traceability.events WHERE seq_id <= $1 ORDER BY seq_id
            """);
        command.Parameters.Add(new() { Value = maxSeqId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(ct))
        {
            // jsonb respaces and reorders: rebuild the canonical bytes the hash was computed over.
            events.Add(new AuditEvent(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(reader.GetString(5))),
                CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(reader.GetString(6))),
                new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero),
                reader.IsDBNull(8) ? [] : (byte[])reader[8],
                (byte[])reader[9]));
        }
        return events;
    }
}
