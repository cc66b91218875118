using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Traceability.Projections.Embedded;

namespace Traceability.Bench.Load;

/// <summary>
/// <c>bench load</c>: the real service on Kestrel against a throwaway durable server; N clients
/// propose, revise and approve decisions for a fixed time; then the checks of issue 6.
/// </summary>
public static class LoadRun
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"traceability-load-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        EmbeddedPostgres? server = null;
        try
        {
            BenchRun.Progress($"starting PostgreSQL in {directory}");
            server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = directory, Database = "bench_load", Durable = true });
            await using var api = await ApiHost.StartAsync(server.ConnectionString);
            var facts = await MachineFacts.ReadAsync(api.Services.GetRequiredService<NpgsqlDataSource>());
            BenchRun.Progress("arranging keys, platform, baseline and the linux-6.1.arm64 import");
            var arranged = await LoadArrange.RunAsync(api.Client, options);
            BenchRun.Progress($"{options.Clients} clients for {options.Duration.TotalSeconds:0} s on {arranged.Symbols.Count} symbols");
            var stats = new LoadStats();
            var elapsed = await DriveAsync(api.Client.BaseAddress!, arranged, options, stats);
            BenchRun.Progress($"{stats.Requests:N0} requests, {stats.Acknowledged.Count:N0} acknowledged writes; checking");
            var checks = await LoadChecks.RunAsync(api, stats);
            var markdown = LoadReport.ToMarkdown(facts, options, arranged.Symbols.Count, stats, elapsed, checks);
            Console.WriteLine(markdown);
            if (options.OutFile is not null) await File.WriteAllTextAsync(options.OutFile, markdown);
            return checks.All(c => c.Passed) ? 0 : 1;
        }
        finally
        {
            if (server is not null) await server.StopAsync();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            BenchRun.Progress("server stopped, temp directory removed");
        }
    }

    private static async Task<TimeSpan> DriveAsync(Uri address, LoadArrange.Arranged arranged, LoadOptions options, LoadStats stats)
    {
        var clients = Enumerable.Range(0, options.Clients).Select(i => new LoadClient(address, LoadArrange.Baseline, arranged.Symbols,
            arranged.Engineers[i % arranged.Engineers.Count], arranged.Assessors[i % arranged.Assessors.Count], seed: i, stats)).ToList();
        using var deadline = new CancellationTokenSource(options.Duration);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunUntilAsync(deadline.Token))));
        return watch.Elapsed;
    }
}
