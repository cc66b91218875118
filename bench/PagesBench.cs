using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Embedded;

namespace Traceability.Bench;

/// <summary>
/// <c>bench pages</c> (issue 15): the matrix web page, 100 rows, rendered server-side with 2,500 decisions on
/// the real linux-6.12.arm64 config, signed in with a session cookie like a browser; every page of the
/// matrix, p50 and p95 against the issue's 100 ms. The API's own matrix page is measured alongside, so the
/// page's cost over the API it calls shows.
/// </summary>
public static partial class PagesBench
{
    private const string Baseline = "bench-0";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"traceability-pages-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        EmbeddedPostgres? server = null;
        try
        {
            BenchRun.Progress($"starting PostgreSQL in {directory}");
            server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory, "postgres"), Database = "bench_pages", Durable = true });
            await using var api = await ApiHost.StartAsync(server.ConnectionString, $"--Web:KeyRingDirectory={Path.Combine(directory, "keys")}");
            var facts = await MachineFacts.ReadAsync(api.Services.GetRequiredService<NpgsqlDataSource>());
            var pages = await ArrangeAsync(api);
            using var browser = await SignInAsync(api.Client.BaseAddress!);
            BenchRun.Progress($"matrix pages 1..{pages}, {(options.Quick ? 1 : 3)} round(s) after a warm-up");
            var page = await RoundsAsync(options, pages, n => Fetch(browser, $"/baselines/{Baseline}?page={n}", "Rows "));
            BenchRun.Progress("matrix pages right after a write, so the baseline above the matrix is read again");
            var afterWrite = await AfterWritesAsync(api, pages, n => Fetch(browser, $"/baselines/{Baseline}?page={n}", "Rows "));
            var json = await RoundsAsync(options, pages, n => Fetch(api.Client, $"/api/baselines/{Baseline}/matrix?page={n}&pageSize=100", "\"rows\""));
            var header = await RoundsAsync(options, pages, _ => Fetch(api.Client, $"/api/baselines/{Baseline}", "\"latestImport\""));
            var markdown = facts.ToMarkdown() + Environment.NewLine + Environment.NewLine + ReadSideReport.ToMarkdown(
            [
                new($"matrix web page, 100 rows (HTML, session cookie), every page, {ApiCases.Decisions:N0} decisions", page, TimeSpan.FromMilliseconds(100)),
                new("the same page right after any write (the baseline is read again), every page", afterWrite, TimeSpan.FromMilliseconds(100)),
                new("the API calls it makes, 1: matrix page of 100 rows (JSON)", json, TimeSpan.FromMilliseconds(50)),
                new("the API calls it makes, 2: the baseline (JSON)", header, TimeSpan.FromMilliseconds(50)),
            ]);
            Console.WriteLine(markdown);
            if (options.OutFile is not null) await File.WriteAllTextAsync(options.OutFile, markdown);
            return 0;
        }
        finally
        {
            if (server is not null) await server.StopAsync();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            BenchRun.Progress("server stopped, temp directory removed");
        }
    }

    /// <summary>The bench's baseline with the real 6.12 arm64 import and 2,500 approved decisions; returns the number of 100-row pages.</summary>
    private static async Task<int> ArrangeAsync(ApiHost api)
    {
        BenchRun.Progress("arranging the platform, the linux-6.12.arm64 import and 2,500 decisions");
        var config = await File.ReadAllBytesAsync(ApiCases.SampleFile("linux-6.12.arm64_none_arm64.config"));
        (await api.Client.PostAsJsonAsync("/api/platforms", new { id = "bench-virt", architecture = "arm64", machine = "QEMU virt" })).EnsureSuccessStatusCode();
        (await api.Client.PostAsJsonAsync("/api/baselines", new { id = Baseline, platform = "bench-virt", kernelVersion = "6.12.117", variant = "bench" })).EnsureSuccessStatusCode();
        (await api.Client.PutAsync($"/api/baselines/{Baseline}/config", new ByteArrayContent(config) { Headers = { ContentType = new("text/plain") } })).EnsureSuccessStatusCode();
        var parsed = KernelConfigParser.Parse(config);
        await ApiCases.ArrangeDecisionsAsync(api, Baseline, parsed);
        return (int)Math.Ceiling(parsed.Values.Count / 100.0);
    }

    /// <summary>A client with a cookie jar, signed in through the sign-in form as a browser is.</summary>
    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var token = Token().Match(await client.GetStringAsync("/sign-in")).Groups[1].Value;
        var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = token, ["key"] = ApiHost.AdminKey }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)signedIn.StatusCode}");
        return client;
    }

    private static async Task<List<TimeSpan>> RoundsAsync(BenchOptions options, int pages, Func<int, Task> fetch)
    {
        for (var n = 1; n <= pages; n++) await fetch(n);
        var samples = new List<TimeSpan>();
        for (var round = 0; round < (options.Quick ? 1 : 3); round++)
        {
            for (var n = 1; n <= pages; n++)
            {
                var watch = Stopwatch.StartNew();
                await fetch(n);
                samples.Add(watch.Elapsed);
            }
        }
        return samples;
    }

    /// <summary>Each page fetched after an AoU draft (not timed): a new head, so nothing remembered for the old one applies.</summary>
    private static async Task<List<TimeSpan>> AfterWritesAsync(ApiHost api, int pages, Func<int, Task> fetch)
    {
        var samples = new List<TimeSpan>();
        for (var n = 1; n <= pages; n++)
        {
            (await api.Client.PostAsJsonAsync("/api/assumptions", new { category = "bench", text = $"A write before page {n}." })).EnsureSuccessStatusCode();
            var watch = Stopwatch.StartNew();
            await fetch(n);
            samples.Add(watch.Elapsed);
        }
        return samples;
    }

    /// <summary>The whole body is read: a page is served when its last byte is.</summary>
    private static async Task Fetch(HttpClient client, string path, string expected)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"_af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
