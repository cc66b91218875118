using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;
using StreamCollision = Marten.Exceptions.ExistingStreamIdCollisionException;

namespace Traceability.Projections.Events;

public sealed partial class GroupCommit
{
    /// <summary>
    /// The group's stream claims and its events in one statement: new streams inserted, existing ones moved on from their
    /// expected version, and the events inserted only if every claim held; a claim that did not hold leaves the events out.
    /// </summary>
    private static readonly string ClaimAndInsert = $"""
        WITH fresh AS (
            INSERT INTO traceability.mt_streams (id, version, created, "timestamp")
            SELECT id, version, ts, ts FROM unnest($12::text[], $13::bigint[], $14::timestamptz[]) AS s(id, version, ts)
            ON CONFLICT (id) DO NOTHING RETURNING id),
        moved AS (
            UPDATE traceability.mt_streams s SET version = i.version, "timestamp" = i.ts
            FROM unnest($15::text[], $16::bigint[], $17::bigint[], $18::timestamptz[]) AS i(id, expected, version, ts)
            WHERE s.id = i.id AND s.version = i.expected RETURNING s.id),
        claimed AS (SELECT (SELECT count(*) FROM fresh) + (SELECT count(*) FROM moved) AS n)
        {EventRows.InsertEvents}
        WHERE (SELECT n FROM claimed) = $19
        """;

    private async Task WriteAsync(IReadOnlyList<Pending> group)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var (events, rows) = Build(session, group);
        await using (var command = new NpgsqlCommand(ClaimAndInsert, connection, transaction))
        {
            command.Parameters.AddRange(EventRows.EventParameters(rows, EventRows.Sign(key, [rows])));
            command.Parameters.AddRange(Claims(group));
            if (await command.ExecuteNonQueryAsync().ConfigureAwait(false) != rows.Count)
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
                throw group.Count == 1 ? await ConflictAsync(group[0]).ConfigureAwait(false) : new ConcurrencyException("A stream of this group moved on.", typeof(object), "");
            }
        }
        foreach (var projection in MartenConfiguration.InlineProjections) await projection.ApplyAsync(session, events, CancellationToken.None).ConfigureAwait(false);
        await session.SaveChangesAsync().ConfigureAwait(false);
        try
        {
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The server may have committed it anyway: nobody can tell, so the group fails whole and nothing is written again.
            foreach (var pending in group) pending.Fail(ex);
            return;
        }
        foreach (var pending in group) pending.Succeed();
    }

    /// <summary>Every append's events as Marten would build them (for the inline projections) and as rows, in the group's order.</summary>
    private static (List<IEvent> Events, List<EventRow> Rows) Build(IDocumentSession session, IReadOnlyList<Pending> group)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var (events, rows) = (new List<IEvent>(), new List<EventRow>());
        foreach (var pending in group)
        {
            var (metadata, headers) = (pending.Metadata, pending.Metadata.Headers().ToDictionary(h => h.Key, h => (object)h.Value, StringComparer.Ordinal));
            foreach (var append in pending.Appends)
            {
                for (var i = 0; i < append.Events.Count; i++)
                {
                    var e = session.Events.BuildEvent(append.Events[i]);
                    (e.Id, e.StreamKey, e.Version, e.Timestamp) = (Guid.CreateVersion7(), append.StreamId, append.ExpectedVersion + i + 1, pending.Timestamp);
                    (e.UserName, e.CorrelationId, e.CausationId, e.Headers) = (metadata.Actor, metadata.CorrelationId, metadata.CausationId, headers);
                    events.Add(e);
                    rows.Add(new EventRow(e.Id, append.StreamId, e.Version, e.EventTypeName, serializer.ToJson(e.Data), pending.Timestamp, metadata, e.DotNetTypeName));
                }
            }
        }
        return (events, rows);
    }

    /// <summary>$12–$19: the new streams, the existing ones with their expected and new versions, and how many claims must hold.</summary>
    private static NpgsqlParameter[] Claims(IReadOnlyList<Pending> group)
    {
        var claims = group.SelectMany(p => p.Appends.Select(a => (Append: a, p.Timestamp))).ToList();
        var fresh = claims.Where(c => c.Append.ExpectedVersion == 0).ToList();
        var existing = claims.Where(c => c.Append.ExpectedVersion > 0).ToList();
        return
        [
            new() { Value = fresh.Select(c => c.Append.StreamId).ToArray() },
            new() { Value = fresh.Select(c => (long)c.Append.Events.Count).ToArray() },
            new() { Value = fresh.Select(c => c.Timestamp).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new() { Value = existing.Select(c => c.Append.StreamId).ToArray() },
            new() { Value = existing.Select(c => c.Append.ExpectedVersion).ToArray() },
            new() { Value = existing.Select(c => c.Append.ExpectedVersion + c.Append.Events.Count).ToArray() },
            new() { Value = existing.Select(c => c.Timestamp).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new() { Value = (long)claims.Count },
        ];
    }

    /// <summary>Which claim of an append did not hold, as the exception Marten's own append throws for it (409 either way).</summary>
    private async Task<Exception> ConflictAsync(Pending pending)
    {
        var ids = pending.Appends.Select(a => a.StreamId).ToArray();
        await using var command = dataSource.CreateCommand("SELECT id, version FROM traceability.mt_streams WHERE id = ANY($1)");
        command.Parameters.Add(new() { Value = ids });
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
            while (await reader.ReadAsync().ConfigureAwait(false)) versions[reader.GetString(0)] = reader.GetInt64(1);
        foreach (var append in pending.Appends)
        {
            var found = versions.GetValueOrDefault(append.StreamId);
            if (append.ExpectedVersion == 0 && found > 0) return new StreamCollision(append.StreamId, typeof(object));
            if (append.ExpectedVersion > 0 && found != append.ExpectedVersion)
                return new EventStreamUnexpectedMaxEventIdException(append.StreamId, typeof(object), append.ExpectedVersion, found);
        }
        return new ConcurrencyException($"A stream of this append moved on: {string.Join(", ", ids)}", typeof(object), ids[0]);
    }
}
