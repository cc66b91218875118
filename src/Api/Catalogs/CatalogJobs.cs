using System.Collections.Concurrent;
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
    /// <summary>One signal per unfinished job someone waits on; completed and removed at the job's next change.</summary>
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _changes = new();

    public static string UploadPath(ServiceDataDirectory data, Guid id) => data.Resolve(Path.Combine("jobs", $"{id:N}.upload"));

    /// <summary>
    /// Removes a job's upload if there is one. A request refused before spooling has none, and on a service that never
    /// spooled one the jobs folder does not exist either: File.Delete throws for a missing folder, which answered 500.
    /// </summary>
    public static void DeleteUpload(ServiceDataDirectory data, Guid id)
    {
        var path = UploadPath(data, id);
        if (File.Exists(path)) File.Delete(path);
    }

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
        await UpdateAsync(id, "UPDATE traceability.catalog_jobs SET state = 'running', started_at = now(), attempts = attempts + 1, files_read = 0, symbols_seen = 0 " +
            "WHERE id = $1 AND state IN ('queued', 'running')", ct, id) == 1;

    public Task ProgressAsync(Guid id, CountingSource counted, CancellationToken ct) =>
        UpdateAsync(id, "UPDATE traceability.catalog_jobs SET files_read = $2, symbols_seen = $3 WHERE id = $1 AND state = 'running'", ct, id, counted.Files, counted.Symbols);

    public Task SucceedAsync(Guid id, long catalogVersion, CancellationToken ct) =>
        UpdateAsync(id, "UPDATE traceability.catalog_jobs SET state = 'succeeded', finished_at = now(), catalog_version = $2 WHERE id = $1", ct, id, catalogVersion);

    public Task FailAsync(Guid id, string reason, CancellationToken ct) =>
        UpdateAsync(id, "UPDATE traceability.catalog_jobs SET state = 'failed', finished_at = now(), failure = $2 WHERE id = $1", ct, id, reason);

    /// <summary>
    /// The job when it next changes on this instance, or after <paramref name="wait"/> as it is then; an unknown or
    /// ended job at once. Only jobs that exist and have not ended get a signal, so no request can grow the map at will.
    /// A job built on another instance changes unseen here: the wait then ends with the job as it is.
    /// </summary>
    public async Task<CatalogJobView?> WaitAsync(Guid id, TimeSpan wait, CancellationToken ct)
    {
        var job = await FindAsync(id, ct);
        if (job is null || job.State is "succeeded" or "failed" || wait <= TimeSpan.Zero) return job;
        var change = _changes.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        // Read again after registering: a change between the first read and the registration is not missed.
        var now = await FindAsync(id, ct);
        if (now != job) return now;
        try
        {
            await change.WaitAsync(wait, ct);
        }
        catch (TimeoutException)
        {
            return job;
        }
        return await FindAsync(id, ct);
    }

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

    private async Task<int> UpdateAsync(Guid id, string sql, CancellationToken ct, params object[] values)
    {
        var changed = await ExecuteAsync(sql, ct, values);
        if (_changes.TryRemove(id, out var waiting)) waiting.TrySetResult();
        return changed;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        Http.WriteOutcome.MarkSent();
        return await command.ExecuteNonQueryAsync(ct);
    }
}
