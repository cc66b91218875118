using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Options;
using Traceability.Api.Commands;
using Traceability.Api.Http;
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

    public static async Task<Created<CatalogView>> Handle(
        HttpContext context, EventLog log, IValidator<Request> validator, IValidator<TarballQuery> queryValidator,
        IConfiguration configuration, string? kernelVersion, string? architecture, CancellationToken ct)
    {
        var request = context.Request;
        var query = new TarballQuery(kernelVersion, architecture);
        var input = IsPathRequest(request) ? await FromJsonAsync(request, validator, ct)
            : IsCompact(request) ? await CompactUpload.ReadAsync(request, queryValidator, query, ct)
            : await FromTarballAsync(request, queryValidator, query, ct);
        var stream = Catalog.StreamId(input.KernelVersion, input.Architecture);
        var (state, version) = await log.LoadAsync<Catalog>(stream, Catalog.Evolve, ct);
        var events = CatalogDecisions.Build(state, input.KernelVersion, input.Architecture, input.Origin, input.Symbols, input.Problems);
        var result = await log.AppendAsync(new StreamAppend(stream, version, events), Actor.Metadata(context), ct);
        var built = (await log.ReadStreamAsync(stream, 1, ct))[0];
        var view = CatalogView.From(built, result.VersionOf(stream))!;
        ETags.Set(context.Response, view.Version);
        return TypedResults.Created($"/api/catalogs/{view.KernelVersion}/{view.Architecture}", view);
    }

    /// <summary>JSON naming a server path; a compact catalog is JSON too (its type ends in +json) but is a catalog, not a request.</summary>
    public static bool IsPathRequest(HttpRequest request) => request.HasJsonContentType() && !IsCompact(request);

    private static bool IsCompact(HttpRequest request) =>
        string.Equals(request.ContentType?.Split(';')[0].Trim(), CompactCatalog.MediaType, StringComparison.OrdinalIgnoreCase);

    private static async Task<CatalogInput> FromJsonAsync(HttpRequest request, IValidator<Request> validator, CancellationToken ct)
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
        var body = await JsonSerializer.DeserializeAsync<Request>(request.Body, options.Value.SerializerOptions, ct)
            ?? throw new BadRequest("The request body is missing.");
        await validator.ValidateAndThrowAsync(body, ct);
        return CatalogInput.Parse(CatalogTrees.Directory(body.Path!), body.KernelVersion!, CatalogArchitectures.Of(body.Architecture)!, "path:" + body.Path, ct);
    }

    /// <summary>A tarball names version and architecture in the query: ?kernelVersion=6.12.117&amp;architecture=arm64.</summary>
    private static async Task<CatalogInput> FromTarballAsync(
        HttpRequest request, IValidator<TarballQuery> validator, TarballQuery query, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var xz = type is "application/x-xz" or "application/x-tar+xz";
        if (!xz && type is not ("application/gzip" or "application/x-gzip" or "application/x-tar+gzip"))
            throw new UnsupportedContent($"Send application/json {{path, kernelVersion, architecture}}, an application/gzip or application/x-xz tarball, or a compact catalog ({CompactCatalog.MediaType}), not '{request.ContentType}'.");
        await validator.ValidateAndThrowAsync(query, ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingStream(request.Body, hash);
        var source = xz ? await CatalogTrees.XzTarballAsync(hashing, ct) : await CatalogTrees.TarballAsync(hashing, ct);
        var origin = "upload:sha256:" + Convert.ToHexStringLower(hash.GetCurrentHash());
        return CatalogInput.Parse(source, query.KernelVersion!, CatalogArchitectures.Of(query.Architecture)!, origin, ct);
    }
}
