using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

/// <summary>
/// Debian's linux-source-6.1 and -6.12 Kconfig files, extracted by scripts/ensure-kernel-sources.sh
/// (run by test.sh) into a cache named by TRACEABILITY_KERNEL_SOURCES. Missing sources FAIL the
/// tests that need them: a skipped test would let the catalog break unnoticed.
/// </summary>
internal static class KernelTrees
{
    public const string Variable = "TRACEABILITY_KERNEL_SOURCES";

    public static string Root(string series)
    {
        var cache = Environment.GetEnvironmentVariable(Variable);
        Assert.True(!string.IsNullOrEmpty(cache),
            $"{Variable} is not set: run ./test.sh, or `source scripts/ensure-kernel-sources.sh` before dotnet test.");
        var root = Path.Combine(cache, $"linux-{series}");
        Assert.True(File.Exists(Path.Combine(root, "Kconfig")), $"{root}/Kconfig is missing: the kernel source cache is incomplete.");
        return root;
    }

    public static IKconfigSource Source(string root) => KconfigSources.From(path =>
    {
        var full = Path.Combine(root, path);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), KconfigCatalog> Parsed = new();

    /// <summary>Parsed once per test run: several tests read the same tree.</summary>
    public static KconfigCatalog Parse(string series, string srcArch) => Parsed.GetOrAdd((series, srcArch), key =>
        KconfigParser.Parse(Source(Root(key.Item1)), KconfigParser.VariablesFor(key.Item2)));
}
