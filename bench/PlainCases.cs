using Npgsql;

namespace Traceability.Bench;

/// <summary>
/// The limit: the same rows, written with plain INSERTs into a table shaped like Marten's mt_events
/// (same columns, keys and indexes) but with no lock, no version check, no streams row, no chain and no
/// signature. Whatever a store loses against this is the price of its guarantees.
/// </summary>
public sealed class PlainCases(NpgsqlDataSource dataSource, BenchOptions options)
{
    private const string Table = "bench_plain.events";
    private int _rounds;

    public async Task CreateTableAsync()
    {
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS bench_plain;
            CREATE TABLE {Table} (
                seq_id         bigserial   PRIMARY KEY,
                id             uuid        NOT NULL UNIQUE,
                stream_id      varchar     NOT NULL,
                version        bigint      NOT NULL,
                data           jsonb       NOT NULL,
                type           varchar(500) NOT NULL,
                "timestamp"    timestamptz NOT NULL DEFAULT now(),
                tenant_id      varchar     DEFAULT '*DEFAULT*',
                mt_dotnet_type varchar,
                correlation_id varchar,
                causation_id   varchar,
                headers        jsonb,
                user_name      varchar,
                is_archived    bool        DEFAULT false,
                UNIQUE (stream_id, version));
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One INSERT per transaction (autocommit): one round trip, and commits free to share an fsync.</summary>
    public Task<Measurement> SingleInsertsAsync(int writers)
    {
        var round = Interlocked.Increment(ref _rounds);
        return Workload.RunAsync("plain INSERT, one per transaction", writers, options, writer =>
        {
            var stream = $"plain-single-{writers}-{round}/{writer}";
            var version = 0L;
            return async ct =>
            {
                version++;
                await using var command = dataSource.CreateCommand(
                    $"INSERT INTO {Table} (id, stream_id, version, type, data, headers, user_name, correlation_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)");
                command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
                command.Parameters.Add(new() { Value = stream });
                command.Parameters.Add(new() { Value = version });
                command.Parameters.Add(new() { Value = "bench_noted" });
                command.Parameters.Add(new() { Value = BenchEvents.DataJson((int)version) });
                command.Parameters.Add(new() { Value = BenchEvents.HeadersJson });
                command.Parameters.Add(new() { Value = BenchEvents.Metadata.Actor });
                command.Parameters.Add(new() { Value = BenchEvents.Metadata.CorrelationId! });
                await command.ExecuteNonQueryAsync(ct);
            };
        });
    }

    /// <summary>10,000 rows in one multi-row unnest INSERT: the plain equivalent of the store's bulk append.</summary>
    public Task<List<TimeSpan>> BulkAsync()
    {
        var round = Interlocked.Increment(ref _rounds);
        return Workload.RepeatAsync(options.BulkRepeats, async run =>
        {
            var size = options.BulkSize;
            await using var command = dataSource.CreateCommand($"""
                INSERT INTO {Table} (id, stream_id, version, type, data, headers, user_name, correlation_id)
                SELECT r.id, r.stream_id, r.version, 'bench_noted', r.data::jsonb, $5::jsonb, 'bench', 'bench-run'
                FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[]) AS r(id, stream_id, version, data)
                """);
            command.Parameters.Add(new() { Value = Enumerable.Range(0, size).Select(_ => Guid.CreateVersion7()).ToArray() });
            command.Parameters.Add(new() { Value = Enumerable.Range(0, size).Select(i => $"plain-bulk-{round}-{run}/{i / 1000}").ToArray() });
            command.Parameters.Add(new() { Value = Enumerable.Range(0, size).Select(i => (long)(i % 1000) + 1).ToArray() });
            command.Parameters.Add(new() { Value = Enumerable.Range(0, size).Select(i => BenchEvents.DataJson(i % 1000 + 1)).ToArray() });
            command.Parameters.Add(new() { Value = BenchEvents.HeadersJson });
            await command.ExecuteNonQueryAsync();
        });
    }
}
