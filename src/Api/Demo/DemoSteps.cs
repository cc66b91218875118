using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Catalogs;
using Traceability.Api.Http;

namespace Traceability.Api.Demo;

/// <summary>The demo's calls, in the order an engineering team would make them; the client is the service's own address (or a test's).</summary>
public sealed class DemoSteps(HttpClient http, IReadOnlyDictionary<string, string> keys, ILogger logger) : IDisposable
{
    private readonly HttpClient _http = http;

    public DemoSteps(Uri address, IReadOnlyDictionary<string, string> keys, ILogger logger)
        : this(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) }, keys, logger)
    {
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The demo's first platform: when it exists, the demo was loaded.</summary>
    public const string ReferencePlatform = "aarch64-qemu-virt";

    public async Task<string> LoadAsync(DemoData demo, CancellationToken ct)
    {
        var catalogs = await LoadCatalogs(DemoData.SamplesDirectory(), ct);
        foreach (var p in demo.Platforms) await Post("/api/platforms", Roles.Admin, p, ct);
        foreach (var f in demo.HardwareFeatures) await Post("/api/hardware-features", Roles.Engineer, f, ct);
        var aous = new Dictionary<string, string>();
        foreach (var a in demo.Assumptions)
        {
            var created = await Post("/api/assumptions", Roles.Engineer, new { a.Category, a.Text }, ct);
            aous[a.Key] = created["id"]!.GetValue<string>();
            await Post($"/api/assumptions/{aous[a.Key]}/accept", Roles.Assessor, new { }, ct);
        }
        foreach (var r in demo.Requirements) await Post("/api/requirements", Roles.Engineer, r, ct);
        logger.LogInformation("Demo: {Platforms} platforms, {Features} features, {Aous} assumptions, {Requirements} requirements",
            demo.Platforms.Count, demo.HardwareFeatures.Count, aous.Count, demo.Requirements.Count);
        var samples = DemoData.SamplesDirectory();
        foreach (var b in demo.Baselines.Where(b => b.DerivedFrom is null))
        {
            await Post("/api/baselines", Roles.Engineer, new { b.Id, b.Platform, b.KernelVersion, b.Variant }, ct);
            await Send(HttpMethod.Put, $"/api/baselines/{b.Id}/config", Roles.Engineer,
                new StringContent(await File.ReadAllTextAsync(Path.Combine(samples, "kernel-configs", b.Config), ct), MediaTypeHeaderValue.Parse("text/plain")), ct);
        }
        await Decide(demo, aous, ct);
        foreach (var b in demo.Baselines.Where(b => b.DerivedFrom is not null)) await Derive(b, samples, ct);
        foreach (var revision in demo.AssumptionRevisions) await Revise(revision, aous, demo, ct);
        return $"{catalogs} Kconfig catalogs, {demo.Summary()}";
    }

    /// <summary>
    /// samples/catalogs (6.1 and 6.12, arm64 and x86): every demo baseline gets the catalog of its kernel series,
    /// so a misspelled symbol is refused there as anywhere. One built before (by hand or an earlier run) is kept.
    /// </summary>
    private async Task<int> LoadCatalogs(string samples, CancellationToken ct)
    {
        var files = Directory.GetFiles(Path.Combine(samples, "catalogs"), "*.catalog.json.gz").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
            content.Headers.ContentType = new MediaTypeHeaderValue(CompactCatalog.MediaType);
            var posted = await Send(HttpMethod.Post, "/api/catalogs", Roles.Admin, content, ct, allowConflict: true);
            if (posted.StatusCode == HttpStatusCode.Accepted) await AwaitCatalogJob(posted.Headers.Location!.ToString(), ct);
        }
        logger.LogInformation("Demo: {Catalogs} Kconfig catalogs", files.Count);
        return files.Count;
    }

    /// <summary>A catalog build is a job (202): the demo's decisions need its catalog, so it waits until the job ended.</summary>
    private async Task AwaitCatalogJob(string job, CancellationToken ct)
    {
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromMinutes(5);)
        {
            // ?wait= answers when the job next changes: no sleeping between polls.
            var state = (await (await Send(HttpMethod.Get, $"{job}?wait=30", Roles.Admin, null, ct)).Content.ReadFromJsonAsync<JsonNode>(ct))?["state"]?.GetValue<string>();
            if (state == "succeeded") return;
            if (state == "failed") throw new DemoStepFailed($"The catalog job {job} failed.");
        }
        throw new DemoStepFailed($"The catalog job {job} did not end within 5 minutes.");
    }

    private async Task Decide(DemoData demo, Dictionary<string, string> aous, CancellationToken ct)
    {
        foreach (var d in demo.Decisions)
        {
            await Post($"/api/baselines/{d.Baseline}/decisions", Roles.Engineer, new
            {
                d.Symbol, d.Value, d.Rationale, Assumptions = d.Assumptions.Select(k => aous[k]).ToList(), d.Features, d.Requirements,
            }, ct);
            if (d.Approve) await Post($"/api/baselines/{d.Baseline}/decisions/{d.Symbol}/approve", Roles.Assessor, new { }, ct);
        }
        foreach (var e in demo.Evidence)
            await Post($"/api/baselines/{e.Baseline}/decisions/{e.Symbol}/evidence", Roles.Engineer, new { e.Kind, e.Reference, e.Outcome, e.Summary }, ct);
        logger.LogInformation("Demo: {Decisions} decisions and {Evidence} evidence records", demo.Decisions.Count, demo.Evidence.Count);
    }

    private async Task Derive(DemoBaseline b, string samples, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(b.Id), "id" },
            { new StringContent(b.KernelVersion), "kernelVersion" },
            { new StringContent(b.Variant), "variant" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(samples, "kernel-configs", b.Config), ct)), "config", b.Config },
        };
        await Send(HttpMethod.Post, $"/api/baselines/{b.DerivedFrom}/derive", Roles.Engineer, form, ct);
    }

    private async Task Revise(DemoRevision revision, Dictionary<string, string> aous, DemoData demo, CancellationToken ct)
    {
        var category = demo.Assumptions.Single(a => a.Key == revision.Key).Category;
        await Send(HttpMethod.Put, $"/api/assumptions/{aous[revision.Key]}", Roles.Engineer,
            JsonContent.Create(new { category, revision.Text, revision.Reason }), ct);
    }

    private async Task<JsonObject> Post(string path, string role, object body, CancellationToken ct)
    {
        var response = await Send(HttpMethod.Post, path, role, JsonContent.Create(body, options: JsonSerializerOptions.Web), ct);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(ct))?.AsObject() ?? [];
    }

    private async Task<HttpResponseMessage> Send(
        HttpMethod method, string path, string role, HttpContent? content, CancellationToken ct, bool allowNotFound = false, bool allowConflict = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ApiKeyAuthentication.Header, keys[role]);
        var response = await _http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            || (allowConflict && response.StatusCode == HttpStatusCode.Conflict)) return response;
        throw new DemoStepFailed($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
