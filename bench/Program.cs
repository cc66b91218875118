using Npgsql;
using Traceability.Bench;
using Traceability.Bench.Load;
using Traceability.Projections.Embedded;
using Traceability.Projections.Events;

// Subcommands: `load` (issue 6: concurrent clients against the real service), `kconfig` (issue 7: parse a whole
// kernel tree), `pages` (issue 15: the matrix web page), `startup` (issue 11: host start-up as the test fixtures pay it), `cost` (issue 10: CPU per event of each write case and of the sealer). Without one: the event store and read-side bench.
if (args.Length > 0 && args[0] == "load") return await LoadRun.RunAsync(LoadOptions.Parse(args[1..]));
if (args.Length > 0 && args[0] == "pages") return await PagesBench.RunAsync(BenchOptions.Parse(args[1..]));
if (args.FirstOrDefault() == "kconfig") return KconfigBench.Run();
if (args.FirstOrDefault() == "bulk") return await BulkProbe.RunAsync(args[1..]);
if (args.FirstOrDefault() == "cost") return await CostProbe.RunAsync(args[1..]);
if (args.FirstOrDefault() == "seal-loop") return await SealLoop.RunAsync(args[1..]);
if (args.FirstOrDefault() == "startup") return await StartupBench.RunAsync(args[1..]);

// A throwaway, durable server (fsync on, default settings): the numbers must be what a real
// deployment's disk allows, not what a test server with fsync off allows.
var options = BenchOptions.Parse(args);
// The report alone goes to stdout: the hosts' console logs and the demo's banner go to stderr with the progress.
var report = Console.Out;
Console.SetOut(Console.Error);
var directory = Path.Combine(Path.GetTempPath(), $"traceability-bench-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
EmbeddedPostgres? server = null;
try
{
    BenchRun.Progress($"starting PostgreSQL in {directory}");
    server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
    {
        DataDirectory = directory, Database = "postgres", Durable = true,
    });
    await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
    await SchemaMigrator.MigrateAsync(dataSource);
    var (markdown, correct) = await BenchRun.RunAsync(dataSource, options);
    // The read side runs the real service on a database of its own, so it never meets the store cases' events.
    await server.EnsureDatabaseAsync("bench_api");
    await using (var api = await ApiHost.StartAsync(server.ConnectionStringFor("bench_api")))
    {
        BenchRun.Progress("read side over HTTP: import, matrix pages, CSV, check");
        markdown += Environment.NewLine + ReadSideReport.ToMarkdown(await new ApiCases(api, options).RunAsync());
        BenchRun.Progress("rebuilding the read models");
        markdown += Environment.NewLine + await RebuildCase.RunAsync(api, options) + Environment.NewLine;
    }
    await server.EnsureDatabaseAsync("bench_demo");
    await using (var demo = await ApiHost.StartAsync(server.ConnectionStringFor("bench_demo"), "--demo"))
    {
        BenchRun.Progress("the demo (four real catalogs): audit export, offline verification, read-model rebuild");
        var results = await new DemoCases(demo, options).RunAsync();
        markdown += Environment.NewLine + ReadSideReport.ToMarkdown(results.Timings, "the demo's log") + Environment.NewLine + results.Facts + Environment.NewLine;
    }
    await report.WriteLineAsync(markdown);
    await report.FlushAsync();
    if (options.OutFile is not null) await File.WriteAllTextAsync(options.OutFile, markdown);
    return correct ? 0 : 1;
}
finally
{
    if (server is not null) await server.StopAsync();
    if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    BenchRun.Progress("server stopped, temp directory removed");
}
