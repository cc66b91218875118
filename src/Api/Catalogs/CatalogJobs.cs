using Npgsql;
using Traceability.Api.Hosting;
using Traceability.Projections.Events;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Traceability.Api.Catalogs;

/// <summary>What GET /api/catalogs/jobs/{id} shows: state, progress, and the catalog or the reason it failed.</summary>
public sealed record CatalogJobView(
    Guid Id, string State, string KernelVersion, string Architecture, string Source, string RequestedBy,
    DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts,
    CatalogJobProgress Progress, string? Failure, CatalogJobResult? Result);

public sealed record CatalogJobProgress(int FilesRead, int SymbolsSeen);

public sealed record CatalogJobResult(string Location, CatalogView? Catalog);

/// <summary>The catalog_jobs table (migration 0014). A job moves queued → running → succeeded | failed, never back from the last two.</summary>
public sealed class CatalogJobs(NpgsqlDataSource dataSource, EventLog log)
{
    public static string UploadPath(ServiceDataDirectory data, Guid id) => data.Resolve(Path.Combine("jobs", $"{id:N}.upload"));

    /// <summary>The record and its message in one transaction (Wolverine's outbox on the Marten session): both or neither.</summary>
    public static async Task EnqueueAsync(OutboxedSessionFactory outbox, IMessageBus bus, BuildCatalogJob job, CancellationToken ct)
    {
        await using var session = outbox.OpenSession((MessageContext)bus);
        session.QueueSqlCommand(
            "INSERT INTO traceability.catalog_jobs (id, kernel_version, architecture, source, requested_by) VALUES (?, ?, ?, ?, ?)",
            job.JobId, job.KernelVersion, job.Architecture, job.Source, job.Metadata.Actor);
        await bus.PublishAsync(job);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>False when the job already ended: a redelivered message does not build it again.</summary>
    public async Task<bool> StartAsync(Guid id, CancellationToken ct) =>
        await ExecuteAsync("UPDATE traceability.catalog_jobs SET state = 'running', started_at = now(), attempts = attempts + 1, files_read = 0, symbols_seen = 0 " +
            "WHERE id = $1 AND state IN ('queued', 'running')", ct, id) == 1;

    public Task ProgressAsync(Guid id, CountingSource counted, CancellationToken ct) =>
        ExecuteAsync("UPDATE traceability.catalog_jobs SET files_read = $2, symbols_seen = $3 WHERE id = $1 AND state = 'running'", ct, id, counted.Files, counted.Symbols);

    public Task SucceedAsync(Guid id, long catalogVersion, CancellationToken ct) =>
        ExecuteAsync("UPDATE traceability.catalog_jobs SET state = 'succeeded', finished_at = now(), catalog_version = $2 WHERE id = $1", ct, id, catalogVersion);

    public Task FailAsync(Guid id, string reason, CancellationToken ct) =>
        ExecuteAsync("UPDATE traceability.catalog_jobs SET state = 'failed', finished_at = now(), failure = $2 WHERE id = $1", ct, id, reason);

    public async Task<CatalogJobView?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT state, kernel_version, architecture, source, requested_by, requested_at, started_at, finished_at, attempts, " +
            "files_read, symbols_seen, catalog_version, failure FROM traceability.catalog_jobs WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var (version, architecture) = (reader.GetString(1), reader.GetString(2));
        var catalogVersion = reader.IsDBNull(11) ? (long?)null : reader.GetInt64(11);
        var view = new CatalogJobView(id, reader.GetString(0), version, architecture, reader.GetString(3), reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5), Time(reader, 6), Time(reader, 7), reader.GetInt32(8),
            new CatalogJobProgress(reader.GetInt32(9), reader.GetInt32(10)), reader.IsDBNull(12) ? null : reader.GetString(12), null);
        if (catalogVersion is not { } built) return view;
        var first = await log.ReadStreamAsync(Domain.Catalogs.Catalog.StreamId(version, architecture), 1, ct);
        return view with { Result = new CatalogJobResult($"/api/catalogs/{version}/{architecture}", first.Count == 1 ? CatalogView.From(first[0], built) : null) };
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
