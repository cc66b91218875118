using System.Globalization;

namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>
/// How much a parse may read: every file a source statement includes counts, again each time it is
/// included, with its characters. A file sourcing the next one twice doubles the work at each level
/// (a 541-byte tarball ran 83 s and 2.3 GB), so the parse stops at these bounds. The real 6.12 arm64
/// tree reaches 1,602 files and 5.7 million characters; the defaults leave room for ten times that.
/// </summary>
public sealed record KconfigLimits(int MaxFiles, long MaxCharacters)
{
    public static KconfigLimits Default { get; } = new(20_000, 64L * 1024 * 1024);
}

/// <summary>A parse went past <see cref="KconfigLimits"/>: the catalog would be incomplete, so there is none.</summary>
public sealed class KconfigTreeTooLarge(string message) : Exception(message)
{
    public static KconfigTreeTooLarge Files(KconfigLimits limits, SourceSite site) => new(string.Create(CultureInfo.InvariantCulture,
        $"The Kconfig tree includes more than {limits.MaxFiles:N0} files through its source statements (each inclusion counts; "
        + $"the real 6.12 arm64 tree has 1,602), the last at {site}; a catalog was not built."));

    public static KconfigTreeTooLarge Characters(KconfigLimits limits, SourceSite site) => new(string.Create(CultureInfo.InvariantCulture,
        $"The Kconfig files included add up to more than {limits.MaxCharacters:N0} characters (each inclusion counts; the real "
        + $"6.12 arm64 tree has 5.7 million), the last at {site}; a catalog was not built."));
}
