using System.Net.Http.Json;
using Traceability.Domain.Kconfig;

namespace Traceability.Bench.Load;

/// <summary>What the clients need, made through the API itself: keys per role, a platform, a baseline with the real 6.1 arm64 config.</summary>
public static class LoadArrange
{
    public const string Baseline = "load-arm64-6-1";
    private const string ConfigFile = "linux-6.1.arm64_none_arm64.config";

    public sealed record Arranged(IReadOnlyList<LoadKey> Engineers, IReadOnlyList<LoadKey> Assessors, IReadOnlyList<string> Symbols);

    public static async Task<Arranged> RunAsync(HttpClient admin, LoadOptions options)
    {
        var keyCount = Math.Max(1, options.Clients / 4);
        var engineers = new List<LoadKey>();
        var assessors = new List<LoadKey>();
        for (var i = 0; i < keyCount; i++)
        {
            engineers.Add(await IssueKeyAsync(admin, $"load-engineer-{i}", "engineer"));
            assessors.Add(await IssueKeyAsync(admin, $"load-assessor-{i}", "assessor"));
        }
        await Ok(await admin.PostAsJsonAsync("/api/platforms", new { id = "load-virt", architecture = "arm64", machine = "QEMU virt" }));
        await Ok(await admin.PostAsJsonAsync("/api/baselines", new { id = Baseline, platform = "load-virt", kernelVersion = "6.1.192", variant = "load" }));
        var config = await File.ReadAllBytesAsync(SampleFile(ConfigFile));
        await Ok(await admin.PutAsync($"/api/baselines/{Baseline}/config", new ByteArrayContent(config) { Headers = { ContentType = new("text/plain") } }));
        // Evenly spread over the real file, so the contended symbols are real ones of every kind (bool, tristate, string, int).
        var entries = KernelConfigParser.Parse(config).Entries;
        var step = Math.Max(1, entries.Count / options.Symbols);
        var symbols = entries.Where((_, i) => i % step == 0).Take(options.Symbols).Select(e => e.Symbol).ToList();
        return new Arranged(engineers, assessors, symbols);
    }

    private static async Task<LoadKey> IssueKeyAsync(HttpClient admin, string name, string role)
    {
        var response = await Ok(await admin.PostAsJsonAsync("/api/keys", new { name, owner = name, role }));
        var issued = await response.Content.ReadFromJsonAsync<IssuedKey>();
        return new LoadKey(name, issued!.Key);
    }

    private static async Task<HttpResponseMessage> Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static string SampleFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Traceability.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Traceability.sln not found above the bench"), "samples", "kernel-configs", name);
    }

    private sealed record IssuedKey(string Name, string Role, string Key);
}
