using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;

namespace Traceability.Bench;

public sealed record Timings(string Case, IReadOnlyList<TimeSpan> Samples, TimeSpan Target)
{
    public TimeSpan P50 => Percentile(0.50);
    public TimeSpan P95 => Percentile(0.95);
    public bool Met => P95 <= Target;

    private TimeSpan Percentile(double p)
    {
        var sorted = Samples.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }
}

/// <summary>Issue 4's read side over HTTP on the real configs: import, matrix pages, full CSV, conformance check.</summary>
public sealed class ApiCases(ApiHost api, BenchOptions options)
{
    public const int Decisions = 2_500;

    public async Task<IReadOnlyList<Timings>> RunAsync()
    {
        var config612 = await File.ReadAllBytesAsync(SampleFile("linux-6.12.arm64_none_arm64.config"));
        await Send(HttpMethod.Post, "/api/platforms", JsonContent.Create(new { id = "bench-virt", architecture = "arm64", machine = "QEMU virt" }));
        var imports = new List<TimeSpan>();
        for (var i = 0; i < (options.Quick ? 2 : 4); i++)
        {
            await Send(HttpMethod.Post, "/api/baselines", JsonContent.Create(new { id = $"bench-{i}", platform = "bench-virt", kernelVersion = "6.12.117", variant = "bench" }));
            imports.Add(await Time(() => Send(HttpMethod.Put, $"/api/baselines/bench-{i}/config", new ByteArrayContent(config612) { Headers = { ContentType = new("text/plain") } })));
        }
        BenchRun.Progress($"import of linux-6.12.arm64: {string.Join(", ", imports.Select(t => $"{t.TotalMilliseconds:N0} ms"))}");
        await ArrangeDecisionsAsync(api, "bench-0", KernelConfigParser.Parse(config612));
        var pages = await MatrixPages("bench-0");
        var csv = await Repeat(options.Quick ? 3 : 10, () => Send(HttpMethod.Get, "/api/baselines/bench-0/matrix?format=csv", null));
        var check = await Repeat(options.Quick ? 5 : 20, () => Send(HttpMethod.Post, "/api/baselines/bench-0/check",
            new ByteArrayContent(config612) { Headers = { ContentType = new("text/plain") } }));
        return
        [
            new("import linux-6.12.arm64 (11,014 symbols), first import into a new baseline", imports.Skip(1).ToList(), TimeSpan.FromSeconds(1)),
            new($"matrix page of 100 rows (JSON), every page, {Decisions:N0} decisions", pages, TimeSpan.FromMilliseconds(50)),
            new("full matrix as CSV", csv, TimeSpan.FromMilliseconds(500)),
            new("conformance check of linux-6.12.arm64", check, TimeSpan.FromMilliseconds(200)),
        ];
    }

    /// <summary>2,500 approved decisions, appended in one transaction through the service's own store and projections.</summary>
    public static async Task ArrangeDecisionsAsync(ApiHost api, string baseline, KernelConfig config)
    {
        var log = api.Services.GetRequiredService<Traceability.Projections.Events.EventLog>();
        var appends = config.Entries.Take(Decisions).Select(e => new StreamAppend(Decision.StreamId(baseline, e.Symbol), 0,
        [
            new DecisionProposed(baseline, e.Symbol, e.Value, $"Bench rationale for {e.Symbol}, with a comma, and \"quotes\".", [], [], []),
            new DecisionApproved(baseline, e.Symbol, 1, "bench"),
        ])).ToList();
        await log.AppendAsync(appends, new EventMetadata("bench", "assessor", "bench decisions"));
    }

    private async Task<List<TimeSpan>> MatrixPages(string baseline)
    {
        var samples = new List<TimeSpan>();
        for (var round = 0; round < (options.Quick ? 1 : 3); round++)
        {
            for (var page = 1; page <= 111; page++)
                samples.Add(await Time(() => Send(HttpMethod.Get, $"/api/baselines/{baseline}/matrix?page={page}&pageSize=100", null)));
        }
        return samples;
    }

    /// <summary>One untimed call, then <paramref name="times"/> timed ones.</summary>
    public static async Task<List<TimeSpan>> Repeat(int times, Func<Task> call)
    {
        await call();
        var samples = new List<TimeSpan>();
        for (var i = 0; i < times; i++) samples.Add(await Time(call));
        return samples;
    }

    private static async Task<TimeSpan> Time(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await call();
        return watch.Elapsed;
    }

    /// <summary>Reads the whole body: a CSV or a page is only served when its last byte is.</summary>
    private async Task Send(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }

    public static string SampleFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Traceability.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Traceability.sln not found above the bench"), "samples", "kernel-configs", name);
    }
}
