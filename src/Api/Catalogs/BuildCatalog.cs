using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Options;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Api.Hosting;
using Traceability.Domain;
using Wolverine;
using Wolverine.Marten.Publishing;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

public static class BuildCatalog
{
    /// <summary>Path is a directory on the server holding a kernel tree (its top-level Kconfig); e.g. /usr/src/linux-6.12, "6.12.117", "arm64".</summary>
    public sealed record Request(string? Path, string? KernelVersion, string? Architecture);

    /// <summary>What a tarball upload names in its query string.</summary>
    public sealed record TarballQuery(string? KernelVersion, string? Architecture);

    public sealed class TarballValidator : AbstractValidator<TarballQuery>
    {
        public TarballValidator()
        {
            RuleFor(r => r.KernelVersion).Must(CatalogDecisions.IsKernelVersion).WithMessage(VersionMessage);
            RuleFor(r => r.Architecture).Must(a => CatalogArchitectures.Of(a) is not null).WithMessage(ArchitectureMessage);
        }
    }

    private const string VersionMessage = "KernelVersion must look like 6.12.117 (at most 64 characters).";
    private static readonly string ArchitectureMessage =
        $"Architecture must be one of {string.Join(", ", CatalogArchitectures.All)} (or x86_64, riscv64).";

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.KernelVersion).Must(CatalogDecisions.IsKernelVersion).WithMessage(VersionMessage);
            RuleFor(r => r.Architecture).Must(a => CatalogArchitectures.Of(a) is not null).WithMessage(ArchitectureMessage);
            RuleFor(r => r.Path).NotEmpty().MaximumLength(1024)
                .Must(p => p is null || System.IO.Path.IsPathFullyQualified(p)).WithMessage("Path must be an absolute directory on the server.")
                .Must(p => p is null || !System.IO.Path.IsPathFullyQualified(p) || File.Exists(System.IO.Path.Combine(p, "Kconfig")))
                .WithMessage("Path must be a directory holding a kernel tree's top-level Kconfig.");
        }
    }

    /// <summary>
    /// Validates the request (400/409/413/415/422 as before), spools an upload to the data directory, and stores the
    /// job with its message in one transaction: 202 with the job, whose resource (Location) shows how the build goes.
    /// </summary>
    public static async Task<Accepted<CatalogJobView>> Handle(
        HttpContext context, EventLog log, CatalogJobs jobs, ServiceDataDirectory data, OutboxedSessionFactory outbox, IMessageBus bus,
        IValidator<Request> validator, IValidator<TarballQuery> queryValidator, string? kernelVersion, string? architecture, CancellationToken ct)
    {
        var request = context.Request;
        var query = new TarballQuery(kernelVersion, architecture);
        var id = Guid.NewGuid();
        var metadata = Actor.Metadata(context);
        try
        {
            var job = IsPathRequest(request) ? await FromJsonAsync(request, validator, id, metadata, ct)
                : IsCompact(request) ? await CompactAsync(request, queryValidator, query, data, id, metadata, ct)
                : await FromTarballAsync(request, queryValidator, query, data, id, metadata, ct);
            var (state, _) = await log.LoadAsync<Catalog>(Catalog.StreamId(job.KernelVersion, job.Architecture), Catalog.Evolve, ct);
            if (state is not null)
                throw new DomainRuleViolated($"The catalog of {job.KernelVersion} for {job.Architecture} was already built from {state.Source}.");
            await CatalogJobs.EnqueueAsync(outbox, bus, job, ct);
        }
        catch
        {
            CatalogJobs.DeleteUpload(data, id);
            throw;
        }
        return TypedResults.Accepted($"/api/catalogs/jobs/{id}", await jobs.FindAsync(id, ct));
    }

    /// <summary>JSON naming a server path; a compact catalog is JSON too (its type ends in +json) but is a catalog, not a request.</summary>
    public static bool IsPathRequest(HttpRequest request) => request.HasJsonContentType() && !IsCompact(request);

    private static bool IsCompact(HttpRequest request) =>
        string.Equals(request.ContentType?.Split(';')[0].Trim(), CompactCatalog.MediaType, StringComparison.OrdinalIgnoreCase);

    private static async Task<BuildCatalogJob> FromJsonAsync(
        HttpRequest request, IValidator<Request> validator, Guid id, EventMetadata metadata, CancellationToken ct)
    {
        var body = (await RequestBody.ReadAsync<Request>(request.HttpContext, optional: false))!;
        await validator.ValidateAndThrowAsync(body, ct);
        return new BuildCatalogJob(id, "path", body.KernelVersion!, CatalogArchitectures.Of(body.Architecture)!, "path:" + body.Path, body.Path, metadata);
    }

    /// <summary>A compact catalog is read whole here (it is small and names its kernel); the job reads the spooled copy again.</summary>
    private static async Task<BuildCatalogJob> CompactAsync(HttpRequest request, IValidator<TarballQuery> validator, TarballQuery query,
        ServiceDataDirectory data, Guid id, EventMetadata metadata, CancellationToken ct)
    {
        var spooled = await SpoolAsync(request.Body, data, id, ct);
        await using var file = File.OpenRead(spooled);
        var input = await CompactUpload.ReadAsync(file, validator, query, ct);
        // Its symbols are all here already: a bad name or a symbol twice is refused now (400), not by its job.
        CatalogDecisions.Build(null, input.KernelVersion, input.Architecture, input.Origin, input.Symbols, input.Problems);
        return new BuildCatalogJob(id, "compact", input.KernelVersion, input.Architecture, input.Origin, null, metadata);
    }

    /// <summary>A tarball names version and architecture in the query: ?kernelVersion=6.12.117&amp;architecture=arm64.</summary>
    private static async Task<BuildCatalogJob> FromTarballAsync(HttpRequest request, IValidator<TarballQuery> validator, TarballQuery query,
        ServiceDataDirectory data, Guid id, EventMetadata metadata, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var xz = type is "application/x-xz" or "application/x-tar+xz";
        if (!xz && type is not ("application/gzip" or "application/x-gzip" or "application/x-tar+gzip"))
            throw new UnsupportedContent($"Send application/json {{path, kernelVersion, architecture}}, an application/gzip or application/x-xz tarball, or a compact catalog ({CompactCatalog.MediaType}), not '{request.ContentType}'.");
        await validator.ValidateAndThrowAsync(query, ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingStream(request.Body, hash);
        var spooled = await SpoolAsync(hashing, data, id, ct);
        var magic = xz ? XzMagic : GzipMagic;
        var head = new byte[magic.Length];
        await using (var file = File.OpenRead(spooled)) await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (!head.AsSpan().SequenceEqual(magic))
            throw new BadRequest($"The body is not a readable {(xz ? ".tar.xz" : ".tar.gz")}: it does not start as one.");
        var origin = "upload:sha256:" + Convert.ToHexStringLower(hash.GetCurrentHash());
        return new BuildCatalogJob(id, xz ? "xz" : "gzip", query.KernelVersion!, CatalogArchitectures.Of(query.Architecture)!, origin, null, metadata);
    }

    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] XzMagic = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

    /// <summary>The upload, read under the endpoint's body limit, kept in the data directory until its job ends: it survives a restart.</summary>
    private static async Task<string> SpoolAsync(Stream body, ServiceDataDirectory data, Guid id, CancellationToken ct)
    {
        var path = CatalogJobs.UploadPath(data, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await body.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        return path;
    }
}
