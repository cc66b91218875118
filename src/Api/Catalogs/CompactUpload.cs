using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Traceability.Api.Http;
using Traceability.Domain.Catalogs;

namespace Traceability.Api.Catalogs;

/// <summary>
/// POST /api/catalogs with a compact catalog: the document names its kernel version and architecture;
/// ?kernelVersion= and ?architecture= may be given too, and must then agree with it.
/// </summary>
public static class CompactUpload
{
    public static async Task<CatalogInput> ReadAsync(
        Stream body, IValidator<BuildCatalog.TarballQuery> validator, BuildCatalog.TarballQuery query, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingStream(body, hash);
        var compact = await CompactCatalog.ReadAsync(hashing, ct);
        var architecture = CatalogArchitectures.Of(compact.Architecture);
        await validator.ValidateAndThrowAsync(new BuildCatalog.TarballQuery(compact.KernelVersion, compact.Architecture), ct);
        if (query.KernelVersion is { } version && version != compact.KernelVersion)
            throw Disagrees("kernelVersion", $"The compact catalog is for kernel {compact.KernelVersion}, not {version}.");
        if (query.Architecture is { } asked && CatalogArchitectures.Of(asked) != architecture)
            throw Disagrees("architecture", $"The compact catalog is for {compact.Architecture}, not {asked}.");
        if (compact.Source.Length > 200 || !TextRules.HasNoControlCharacters(compact.Source) || compact.Source.Contains('\n', StringComparison.Ordinal))
            throw Disagrees("source", "The compact catalog's source must be one line of at most 200 characters.");
        if (compact.Problems.Count > 10_000 || compact.Problems.Any(p => p.Length > 1_000))
            throw Disagrees("problems", "The compact catalog may list at most 10,000 problems of at most 1,000 characters.");
        var origin = $"compact:{compact.Source} sha256:{Convert.ToHexStringLower(hash.GetCurrentHash())}";
        return new CatalogInput(compact.KernelVersion, architecture!, origin, compact.Symbols, compact.Problems);
    }

    private static ValidationException Disagrees(string field, string message) => new([new ValidationFailure(field, message)]);
}
