using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Traceability.Projections.Embedded;

namespace Traceability.Bench;

/// <summary>
/// Issue 11: what a test fixture pays to start the service. Several hosts one after another in one process, as
/// the API tests start theirs: each on a database of its own (migrated at start), timed to started, then its
/// first write (draft an AoU) and first aggregate write (revise it), where Wolverine's handlers are first used.
/// </summary>
public static class StartupBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var hosts = args.Length > 1 && args[0] == "--hosts" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var directory = Path.Combine(Path.GetTempPath(), $"traceability-startup-{Environment.ProcessId}");
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = directory, Database = "postgres", Durable = true });
        var report = new StringBuilder("| host | build + start | first draft (POST) | first revise (PUT, If-Match) |\n|---:|---:|---:|---:|\n");
        try
        {
            for (var i = 1; i <= hosts; i++)
            {
                await server.EnsureDatabaseAsync($"startup_{i}");
                var clock = Stopwatch.StartNew();
                await using var api = await ApiHost.StartAsync(server.ConnectionStringFor($"startup_{i}"));
                var started = clock.Elapsed;
                clock.Restart();
                var drafted = await api.Client.PostAsJsonAsync("/api/assumptions", new { category = "startup", text = "The first write of this host." });
                drafted.EnsureSuccessStatusCode();
                var draft = clock.Elapsed;
                var id = (await drafted.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
                clock.Restart();
                using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/assumptions/{id}")
                {
                    Content = JsonContent.Create(new { category = "startup", text = "Revised.", reason = "first aggregate write" }),
                };
                revise.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
                (await api.Client.SendAsync(revise)).EnsureSuccessStatusCode();
                var revised = clock.Elapsed;
                report.Append(CultureInfo.InvariantCulture, $"| {i} | {started.TotalMilliseconds:N0} ms | {draft.TotalMilliseconds:N0} ms | {revised.TotalMilliseconds:N0} ms |\n");
                BenchRun.Progress($"host {i}: started in {started.TotalMilliseconds:N0} ms");
            }
            Console.WriteLine(report);
            return 0;
        }
        finally
        {
            await server.StopAsync();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
