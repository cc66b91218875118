using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Traceability.Projections.Events;

namespace Traceability.Projections.Keys;

/// <summary>Keeps traceability.api_keys in step with the key events, inline: in the append's own transaction.</summary>
public sealed class ApiKeysProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        Apply(operations, events.Where(e => e.Data is ApiKeyIssued or ApiKeyIssuedToOwner or ApiKeyRevoked).Select(RecordedEvent.From));
        return Task.CompletedTask;
    }

    private const string UpsertLegacy = """
        INSERT INTO traceability.api_keys (name, role, key_hash, created, created_by, owner, keyed) VALUES (?, ?, ?, ?, ?, NULL, false)
        ON CONFLICT (name) DO UPDATE SET role = excluded.role, key_hash = excluded.key_hash,
            created = excluded.created, created_by = excluded.created_by, owner = excluded.owner, keyed = excluded.keyed, revoked = NULL
        """;

    private const string UpsertOwned = """
        INSERT INTO traceability.api_keys (name, role, key_hash, created, created_by, owner, keyed) VALUES (?, ?, ?, ?, ?, ?, true)
        ON CONFLICT (name) DO UPDATE SET role = excluded.role, key_hash = excluded.key_hash,
            created = excluded.created, created_by = excluded.created_by, owner = excluded.owner, keyed = excluded.keyed, revoked = NULL
        """;

    /// <summary>The one definition of what a key event does to the table: live and in a rebuild.</summary>
    public static void Apply(IDocumentOperations operations, IEnumerable<RecordedEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                // A name issued twice (possible before issue 13 item 6 refused it) is the later key, as it was then.
                case ApiKeyIssued issued:
                    operations.QueueSqlCommand(UpsertLegacy, issued.Name, issued.Role, issued.KeyHash, e.Timestamp, e.Metadata.Actor);
                    break;
                case ApiKeyIssuedToOwner issued:
                    operations.QueueSqlCommand(UpsertOwned, issued.Name, issued.Role, issued.KeyHmac, e.Timestamp, e.Metadata.Actor, issued.Owner);
                    break;
                case ApiKeyRevoked revoked:
                    operations.QueueSqlCommand("UPDATE traceability.api_keys SET revoked = ? WHERE name = ?", e.Timestamp, revoked.Name);
                    break;
            }
        }
    }
}
