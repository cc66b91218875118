using System.Diagnostics;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Bench;

/// <summary>
/// `dotnet run -c Release --project bench -- kconfig`: parse the whole arm64 6.12 Kconfig tree
/// (from TRACEABILITY_KERNEL_SOURCES, see scripts/ensure-kernel-sources.sh) five times; reports
/// wall time, bytes allocated and the process's peak working set. Target: ≤ 5 s per parse.
/// </summary>
public static class KconfigBench
{
    private const int Runs = 5;

    public static int Run()
    {
        var cache = Environment.GetEnvironmentVariable("TRACEABILITY_KERNEL_SOURCES");
        var root = cache is null ? null : Path.Combine(cache, "linux-6.12");
        if (root is null || !File.Exists(Path.Combine(root, "Kconfig")))
        {
            Console.Error.WriteLine("Set TRACEABILITY_KERNEL_SOURCES: `source scripts/ensure-kernel-sources.sh` first.");
            return 2;
        }
        var source = KconfigSources.From(path =>
        {
            var file = Path.Combine(root, path);
            return File.Exists(file) ? File.ReadAllText(file) : null;
        });
        Console.WriteLine("| run | wall ms | allocated MB | symbols | files | problems |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var times = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var catalog = KconfigParser.Parse(source, KconfigParser.VariablesFor("arm64"));
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024);
            Console.WriteLine($"| {run} | {clock.Elapsed.TotalMilliseconds:F0} | {megabytes:F0} | {catalog.Symbols.Count} | {catalog.Files.Count} | {catalog.Problems.Count} |");
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        times.Sort();
        Console.WriteLine();
        Console.WriteLine($"median {times[Runs / 2]:F0} ms (first run includes JIT and a cold file cache), peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        return times[Runs / 2] <= 5000 ? 0 : 1;
    }
}
