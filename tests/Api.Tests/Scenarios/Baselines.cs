using Traceability.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Domain.Decisions;
using Traceability.Domain.Platforms;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests;

/// <summary>The real Debian configs in samples/kernel-configs, and an independent reading of them for the tests to compare against.</summary>
public static partial class SampleConfigs
{
    public const string Arm64_6_1 = "linux-6.1.arm64_none_arm64.config";
    public const string Arm64_6_12 = "linux-6.12.arm64_none_arm64.config";
    public const string Amd64_6_1 = "linux-6.1.amd64_none_amd64.config";

    public static string Directory { get; } = Path.Combine(RepoRoot(), "samples", "kernel-configs");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    /// <summary>Symbol → value text, by a regex of the two line shapes rather than the parser under test.</summary>
    public static Dictionary<string, string> Values(string name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Directory, name)))
        {
            if (SetLine().Match(line) is { Success: true } set) values[set.Groups[1].Value] = set.Groups[2].Value;
            else if (NotSetLine().Match(line) is { Success: true } notSet) values[notSet.Groups[1].Value] = "n";
        }
        return values;
    }

    public static string RepoRoot() => Repository.Root();

    [GeneratedRegex("^CONFIG_([A-Za-z0-9_]+)=(.*)$")]
    private static partial Regex SetLine();

    [GeneratedRegex("^# CONFIG_([A-Za-z0-9_]+) is not set$")]
    private static partial Regex NotSetLine();
}

/// <summary>Baseline scenarios; platforms and decisions are arranged by appending their events directly.</summary>
public static class BaselineScenarios
{
    private static int _next;

    /// <summary>A fresh id per call: the fixture's database is shared by a test class.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<string> RegisterPlatformAsync(this ApiFixture api, string architecture = Architectures.Arm64)
    {
        var id = NewId("platform");
        await api.Services.GetRequiredService<EventLog>().AppendAsync(StreamAppend.Start(Platform.StreamId(id),
            new PlatformRegistered(id, architecture, "qemu-virt", [], null, null, [], "Test platform")), new EventMetadata("admin"));
        return id;
    }

    /// <summary>Creates the baseline over HTTP (on a fresh platform of the architecture unless one is given).</summary>
    public static async Task<string> CreateBaselineAsync(
        this ApiFixture api, string architecture = Architectures.Arm64, string? platform = null, string kernelVersion = "6.1.192")
    {
        var id = NewId("bl");
        platform ??= await api.RegisterPlatformAsync(architecture);
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines", new { id, platform, kernelVersion, variant = "debian" });
        response.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The query that lets a config of another kernel series in: tests that import 6.12 over 6.1 on purpose.</summary>
    public const string ForcedSeries = "?force=true&forceReason=Comparing+the+6.12+config+with+6.1+on+purpose";

    public static Task<HttpResponseMessage> ImportConfigAsync(
        this ApiFixture api, string baseline, string sampleName, HttpClient? client = null, string query = "") =>
        api.ImportConfigAsync(baseline, SampleConfigs.Bytes(sampleName), client, query);

    public static Task<HttpResponseMessage> ImportConfigAsync(
        this ApiFixture api, string baseline, byte[] config, HttpClient? client = null, string query = "")
    {
        var body = new ByteArrayContent(config);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return (client ?? api.Engineer).PutAsync($"/api/baselines/{baseline}/config{query}", body);
    }

    public static MultipartFormDataContent ConfigForm(byte[] config, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), name);
        var file = new ByteArrayContent(config);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "config", ".config");
        return form;
    }

    /// <summary>A decision as the decisions slice would record it: proposed by engineer-1, approved by engineer-2 if asked.</summary>
    public static async Task ArrangeDecisionAsync(
        this ApiFixture api, string baseline, string symbol, bool approved = false, bool suspect = false, bool withdrawn = false)
    {
        var store = api.Services.GetRequiredService<EventLog>();
        var stream = Decision.StreamId(baseline, symbol);
        await store.AppendAsync(StreamAppend.Start(stream,
            new DecisionProposed(baseline, symbol, "y", $"{symbol} is needed by the platform's safety case.", [], [], [])),
            new EventMetadata("engineer-1"));
        if (approved) await Append(store, stream, "engineer-2", new DecisionApproved(baseline, symbol, 1, DecisionDecisions.DefaultApprovalMeaning));
        if (suspect) await Append(store, stream, "system", new DecisionMarkedSuspect(baseline, symbol, "aou/AOU-0001 revised (r2)"));
        if (withdrawn) await Append(store, stream, "engineer-1", new DecisionWithdrawn(baseline, symbol, "no longer relevant"));
    }

    public static long ETagVersion(this HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<AppendResult> Append(EventLog log, string stream, string actor, object e) =>
        await log.AppendAsync(new StreamAppend(stream, await log.StreamVersionAsync(stream), [e]), new EventMetadata(actor));
}
