using JasperFx;
using JasperFx.Events;
using Marten;
using StreamCollision = Marten.Exceptions.ExistingStreamIdCollisionException;
using Npgsql;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Events;

/// <summary>
/// Large appends (a derive of thousands of decisions, a catalog, a demo) skip Marten's append function, which
/// inserts one row per call: their events go in one multi-row INSERT, signed as one append exactly as
/// <see cref="AppendAuthentication"/> signs a session, with the same expected-version checks, and the same
/// inline projections are applied to them in the same transaction. What is stored is what Marten would store.
/// </summary>
public sealed partial class EventLog
{
    /// <summary>From this many events on, an append takes the bulk path (Marten's own path below it).</summary>
    public const int BulkThreshold = 100;

    private static bool IsBulk(IReadOnlyList<StreamAppend> appends) => appends.Sum(a => a.Events.Count) >= BulkThreshold;

    private async Task AppendInBulkAsync(IDocumentSession session, IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct)
    {
        await InsertInBulkAsync(session, appends, metadata, ct);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The bulk insert inside the session's open transaction: the rows and the stream versions are written now,
    /// the inline projections' documents are queued on the session, and whoever owns the session commits it.
    /// </summary>
    private async Task InsertInBulkAsync(IDocumentSession session, IReadOnlyList<StreamAppend> appends, EventMetadata metadata, CancellationToken ct)
    {
        var now = MicrosecondClock.Instance.GetUtcNow();
        var serializer = session.DocumentStore.Options.Serializer();
        var (events, rows) = (new List<IEvent>(), new List<EventRow>());
        var headers = metadata.Headers().ToDictionary(h => h.Key, h => (object)h.Value, StringComparer.Ordinal);
        var data = appends.SelectMany(a => a.Events).ToArray();
        var json = new string[data.Length];
        Parallel.For(0, data.Length, i => json[i] = serializer.ToJson(data[i]));
        var at = 0;
        foreach (var append in appends)
        {
            for (var i = 0; i < append.Events.Count; i++, at++)
            {
                var e = session.Events.BuildEvent(append.Events[i]);
                (e.Id, e.StreamKey, e.Version, e.Timestamp) = (Guid.CreateVersion7(), append.StreamId, append.ExpectedVersion + i + 1, now);
                (e.UserName, e.CorrelationId, e.CausationId) = (metadata.Actor, metadata.CorrelationId, metadata.CausationId);
                e.Headers = headers;
                events.Add(e);
                rows.Add(new EventRow(e.Id, append.StreamId, e.Version, e.EventTypeName, json[at], now, metadata, e.DotNetTypeName));
            }
        }
        // Digesting and signing 10,000 events took 14-33 % of such an append (median 18 %) when it came first: they now
        // run while the server inserts every row but the last, whose header carries the signature and follows them.
        await ClaimStreamsAsync(session.Connection, appends, now, ct);
        var signing = EventRows.SignWhileWriting(key, rows, ct);
        try
        {
            await InsertAsync(session.Connection, rows[..^1], signing.Leading, ct);
        }
        finally
        {
            // Never leave the signing running unobserved, whatever the insert did.
            await signing.LastAsync.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        await InsertAsync(session.Connection, rows[^1..], [await signing.LastAsync], ct);
        foreach (var projection in MartenConfiguration.InlineProjections) await projection.ApplyAsync(session, events, ct);
        // SaveChanges commits only when it has work; this makes sure it does even when no projection wrote.
        session.QueueSqlCommand("SELECT 1");
    }

    private static async Task InsertAsync(NpgsqlConnection connection, List<EventRow> rows, string[] headers, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var insert = new NpgsqlBatch(connection) { BatchCommands = { EventRows.Events(rows, headers) } };
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>New streams are inserted (one that exists is the same 409 Marten gives); existing ones move on only from the expected version.</summary>
    private static async Task ClaimStreamsAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, DateTimeOffset now, CancellationToken ct)
    {
        var fresh = appends.Where(a => a.ExpectedVersion == 0).ToList();
        var existing = appends.Where(a => a.ExpectedVersion > 0).ToList();
        if (fresh.Count > 0)
        {
            await using var taken = new NpgsqlCommand("SELECT id FROM traceability.mt_streams WHERE id = ANY($1) LIMIT 1", connection)
                { Parameters = { new() { Value = fresh.Select(a => a.StreamId).ToArray() } } };
            if (await taken.ExecuteScalarAsync(ct) is string id) throw new StreamCollision(id, typeof(object));
            await using var insert = new NpgsqlCommand("""
                INSERT INTO traceability.mt_streams (id, version, created, "timestamp") SELECT id, version, $3, $3 FROM unnest($1::text[], $2::bigint[]) AS s(id, version)
                """, connection)
            {
                Parameters = { new() { Value = fresh.Select(a => a.StreamId).ToArray() }, new() { Value = fresh.Select(a => (long)a.Events.Count).ToArray() }, new() { Value = now } },
            };
            try
            {
                await insert.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new StreamCollision(fresh[0].StreamId, typeof(object));
            }
        }
        if (existing.Count > 0)
        {
            await using var update = new NpgsqlCommand("""
                UPDATE traceability.mt_streams s SET version = i.version, "timestamp" = $4
                FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS i(id, expected, version) WHERE s.id = i.id AND s.version = i.expected
                """, connection)
            {
                Parameters =
                {
                    new() { Value = existing.Select(a => a.StreamId).ToArray() }, new() { Value = existing.Select(a => a.ExpectedVersion).ToArray() },
                    new() { Value = existing.Select(a => a.ExpectedVersion + a.Events.Count).ToArray() }, new() { Value = now },
                },
            };
            if (await update.ExecuteNonQueryAsync(ct) != existing.Count)
                throw new ConcurrencyException($"A stream of this append is no longer at its expected version: {string.Join(", ", existing.Select(a => a.StreamId))}", typeof(object), existing[0].StreamId);
        }
    }
}
