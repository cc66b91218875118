namespace Traceability.Domain.Tests.Kconfig;

/// <summary>The real Debian configs in samples/kernel-configs, found from the test's bin folder.</summary>
internal static class SampleConfigs
{
    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    private static string Directory { get; } = Path.Combine(FindSolutionRoot(), "samples", "kernel-configs");

    private static string FindSolutionRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Traceability.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Traceability.sln above {AppContext.BaseDirectory}.");
    }
}
