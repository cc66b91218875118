using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Keys;

/// <summary>Keeps traceability.api_keys in step with the key events, in the append's transaction.</summary>
public sealed class ApiKeysProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await using var command = e.Data switch
            {
                ApiKeyIssued issued => Command(connection, """
                    INSERT INTO traceability.api_keys (name, role, key_hash, created, created_by) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (name) DO UPDATE SET role = excluded.role, key_hash = excluded.key_hash,
                        created = excluded.created, created_by = excluded.created_by, revoked = NULL
                    """, issued.Name, issued.Role, issued.KeyHash, e.Timestamp, e.Metadata.Actor),
                ApiKeyRevoked revoked => Command(connection,
                    "UPDATE traceability.api_keys SET revoked = $2 WHERE name = $1", revoked.Name, e.Timestamp),
                _ => null,
            };
            if (command is not null) await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return command;
    }
}
