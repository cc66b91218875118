using System.Text.Json;
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

    /// <summary>
    /// Each event's headers as JSON text: role and reason, and its "auth" header (every group is signed as one append).
    /// The rows of an append share their metadata, so the headers' canonical form is computed once per distinct
    /// metadata; the digests, which canonicalise every event's data, run in parallel for a large append.
    /// </summary>
    public static string[] Sign(ServiceKey key, IReadOnlyList<IReadOnlyList<EventRow>> appends)
    {
        var rows = appends.SelectMany(a => a).ToArray();
        var headers = HeadersOf(rows);
        var digests = Digests(rows, headers, new ParallelOptions());
        var signed = new string[rows.Length];
        var first = 0;
        foreach (var append in appends)
        {
            var at = first;
            AppendAuthentication.Sign(key, digests[at..(at + append.Count)], (i, auth) => signed[at + i] = headers[rows[at + i].Metadata].With(auth));
            first += append.Count;
        }
        return signed;
    }

    /// <summary>
    /// One append's headers, signed while its rows are written: every header but the last carries no signature, so
    /// they are all known before any digest (<see cref="SignedWhileWriting.Leading"/>); the digests and the signature
    /// are computed on the thread pool meanwhile, and the last header follows (<see cref="SignedWhileWriting.LastAsync"/>).
    /// What is stored is exactly what <see cref="Sign"/> gives.
    /// </summary>
    public static SignedWhileWriting SignWhileWriting(ServiceKey key, IReadOnlyList<EventRow> rows, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        var headers = HeadersOf(rows);
        var batch = Guid.CreateVersion7();
        var leading = new string[rows.Count - 1];
        for (var i = 0; i < leading.Length; i++) leading[i] = headers[rows[i].Metadata].With(AppendAuthentication.LeadingHeader(key, batch, i + 1, rows.Count));
        var last = Task.Run(() =>
        {
            // One core fewer than the machine has: with the database on the same machine, taking every core slowed its insert.
            var digests = Digests(rows, headers, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) });
            return headers[rows[^1].Metadata].With(AppendAuthentication.LastHeader(key, batch, digests));
        }, ct);
        return new SignedWhileWriting(leading, last);
    }

    public sealed record SignedWhileWriting(string[] Leading, Task<string> LastAsync);

    private const int ParallelFrom = 256;

    /// <summary>The rows of an append share their metadata: its headers' canonical form is computed once per distinct metadata.</summary>
    private static Dictionary<EventMetadata, SharedHeaders> HeadersOf(IEnumerable<EventRow> rows) =>
        rows.Select(r => r.Metadata).Distinct().ToDictionary(m => m, m => new SharedHeaders(m));

    /// <summary>Every row's digest, which canonicalises its data: in parallel from <see cref="ParallelFrom"/> rows on.</summary>
    private static byte[][] Digests(IReadOnlyList<EventRow> rows, Dictionary<EventMetadata, SharedHeaders> headers, ParallelOptions parallel)
    {
        var digests = new byte[rows.Count][];
        if (rows.Count < ParallelFrom)
            for (var i = 0; i < rows.Count; i++) digests[i] = Digest(rows[i], headers[rows[i].Metadata]);
        else
            Parallel.For(0, rows.Count, parallel, i => digests[i] = Digest(rows[i], headers[rows[i].Metadata]));
        return digests;
    }

    private static byte[] Digest(EventRow r, SharedHeaders headers) => EventDigest.Compute(new DigestInput(
        r.Id, r.StreamId, r.Version, r.Type, r.Timestamp, r.Metadata.Actor, r.Metadata.CorrelationId, r.Metadata.CausationId,
        headers.Canonical, CanonicalJson.Canonicalize(r.DataJson)));

    /// <summary>The headers one metadata gives every event: as JSON text, and in the canonical form the digest covers.</summary>
    private sealed class SharedHeaders(EventMetadata metadata)
    {
        private readonly string _json = JsonSerializer.Serialize(metadata.Headers().ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal), EventJson.Options);

        public byte[] Canonical { get; } = EventHeaders.Canonical(metadata.Headers().Select(h => KeyValuePair.Create(h.Key, (object)h.Value)));

        /// <summary>The same object with the event's "auth" header added as its last member.</summary>
        public string With(AuthHeader auth)
        {
            var member = $"\"{AuthHeader.Name}\":{JsonSerializer.Serialize(auth, EventJson.Options)}}}";
            return _json == "{}" ? "{" + member : $"{_json[..^1]},{member}";
        }
    }

    public static NpgsqlBatchCommand Events(IReadOnlyList<EventRow> rows, string[] headers) => new("""
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
            new() { Value = headers },
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
