using FluentValidation;
using Traceability.Api.Commands;
using Traceability.Api.Hosting;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;
using Wolverine.Attributes;

namespace Traceability.Api.Catalogs;

/// <summary>
/// Runs a catalog build from the durable local queue "catalog-builds". The catalog is appended in one
/// transaction (the log's bulk path), so a build killed half-way leaves no catalog; the redelivered message
/// builds it again. A job that already ended is not built again, and a catalog the same source already built
/// (the process died after the append, before the job was marked) makes the job succeed without a second append.
/// </summary>
public static class CatalogJobHandler
{
    public const string Queue = "catalog-builds";

    /// <summary>How long a message waits while another instance holds its job's build lock, before it looks again.</summary>
    public static TimeSpan RetryWhileBuildingElsewhere { get; set; } = TimeSpan.FromSeconds(30);

    [MessageTimeout(3600)]
    public static async Task Handle(BuildCatalogJob job, CatalogJobs jobs, EventLog log, ServiceDataDirectory data,
        ILogger<BuildCatalogJob> logger, CancellationToken ct)
    {
        // Wolverine's inbox gives the message to one node; this lock makes it one build even when a node thought dead
        // (its inbox handed over) is still building: held on its own connection for the whole build, gone with the process.
        // The message is not dropped then but tried again later (see BuildingElsewhere): should that node die before
        // it ends the job, the retry builds it instead of leaving it 'running' for ever.
        await using var building = await log.DataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(building, job.JobId, ct))
        {
            logger.LogWarning("Catalog job {Job} is being built by another instance; this one tries again in {Retry}.", job.JobId, RetryWhileBuildingElsewhere);
            throw new BuildingElsewhere(job.JobId);
        }
        if (!await jobs.StartAsync(job.JobId, ct))
        {
            DeleteUpload(data, job);
            return;
        }
        try
        {
            var stream = Catalog.StreamId(job.KernelVersion, job.Architecture);
            var (state, version) = await log.LoadAsync<Catalog>(stream, Catalog.Evolve, ct);
            if (state is not null && state.Source == job.Source)
            {
                await jobs.SucceedAsync(job.JobId, version, ct);
            }
            else
            {
                var input = await ParseAsync(job, jobs, data, ct);
                var events = CatalogDecisions.Build(state, input.KernelVersion, input.Architecture, input.Origin, input.Symbols, input.Problems);
                var result = await log.AppendAsync(new StreamAppend(stream, version, events), job.Metadata, ct);
                await jobs.SucceedAsync(job.JobId, result.VersionOf(stream), ct);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await jobs.FailAsync(job.JobId, Reason(e), CancellationToken.None);
        }
        // Cancelled (the service stops): the message stays in the inbox and the upload on disk for the next start.
        if (!ct.IsCancellationRequested) DeleteUpload(data, job);
    }

    /// <summary>Parses on the thread pool and writes the progress to the job record a few times a second meanwhile.</summary>
    private static async Task<CatalogInput> ParseAsync(BuildCatalogJob job, CatalogJobs jobs, ServiceDataDirectory data, CancellationToken ct)
    {
        CountingSource? counted = null;
        var parse = Task.Run(async () =>
        {
            if (job.Kind == "compact")
            {
                await using var file = File.OpenRead(CatalogJobs.UploadPath(data, job.JobId));
                return await CompactUpload.ReadAsync(file, new BuildCatalog.TarballValidator(), new BuildCatalog.TarballQuery(null, null), ct);
            }
            counted = new CountingSource(await SourceAsync(job, data, ct));
            return CatalogInput.Parse(counted, job.KernelVersion, job.Architecture, job.Source, ct);
        }, ct);
        while (await Task.WhenAny(parse, Task.Delay(TimeSpan.FromMilliseconds(200), ct)) != parse)
        {
            if (counted is { } c) await jobs.ProgressAsync(job.JobId, c, ct);
        }
        var input = await parse;
        if (counted is { } done) await jobs.ProgressAsync(job.JobId, done, ct);
        return input;
    }

    private static async Task<Domain.Kconfig.Catalog.IKconfigSource> SourceAsync(BuildCatalogJob job, ServiceDataDirectory data, CancellationToken ct)
    {
        if (job.Kind == "path")
        {
            if (!File.Exists(Path.Combine(job.Path!, "Kconfig")))
                throw new ArgumentException($"{job.Path} no longer holds a kernel tree's top-level Kconfig.");
            return CatalogTrees.Directory(job.Path!);
        }
        await using var file = File.OpenRead(CatalogJobs.UploadPath(data, job.JobId));
        return job.Kind == "xz" ? await CatalogTrees.XzTarballAsync(file, ct) : await CatalogTrees.TarballAsync(file, ct);
    }

    private static async Task<bool> TryLockAsync(Npgsql.NpgsqlConnection connection, Guid job, CancellationToken ct)
    {
        await using var command = new Npgsql.NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new() { Value = LogLock.Sole($"catalog-job/{job:N}").Key });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Reason(Exception e) => e switch
    {
        ValidationException v => string.Join(" ", v.Errors.Select(f => f.ErrorMessage)),
        FileNotFoundException or DirectoryNotFoundException => "The uploaded file is no longer in the service's data directory.",
        _ => e.Message,
    };

    private static void DeleteUpload(ServiceDataDirectory data, BuildCatalogJob job)
    {
        if (job.Kind != "path") CatalogJobs.DeleteUpload(data, job.JobId);
    }
}
