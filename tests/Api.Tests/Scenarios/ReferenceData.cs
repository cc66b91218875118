using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests.Scenarios;

/// <summary>Platforms, features, AoUs and requirements as a test needs them, created over HTTP.</summary>
public static class ReferenceData
{
    public static async Task<JsonElement> CreatePlatformAsync(this ApiFixture api, string id = "aarch64-qemu-virt", string architecture = "arm64")
    {
        var response = await api.Admin.PostAsJsonAsync("/api/platforms", new
        {
            id, architecture, machine = "QEMU virt", isaExtensions = new List<string> { "v8.2a" }, firmware = "EDK2",
            hypervisor = "KVM", exceptionLevels = new List<string> { "EL0", "EL1" }, description = "reference platform",
        });
        return await Created(response);
    }

    public static async Task<JsonElement> CreateFeatureAsync(
        this ApiFixture api, string id, string[]? governingSymbols = null, Dictionary<string, string>? availability = null)
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/hardware-features", new
        {
            id, name = id.ToUpperInvariant(), architecture = "arm64", protectsAgainst = "kernel access to user memory",
            description = "", governingSymbols = governingSymbols ?? [], availability = availability ?? [],
        });
        return await Created(response);
    }

    /// <summary>Drafts an AoU and returns its id (AOU-0001, ...).</summary>
    public static async Task<string> DraftAssumptionAsync(this ApiFixture api, string text = "The kernel runs at EL1.", string category = "environment")
    {
        var created = await Created(await api.Engineer.PostAsJsonAsync("/api/assumptions", new { category, text }));
        return created.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> RecordRequirementAsync(this ApiFixture api, string id, string kind = "requirement")
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/requirements", new
        {
            id, externalId = "DOORS-" + id, title = "Memory isolation", text = "User space cannot corrupt kernel memory.", kind,
        });
        return await Created(response);
    }

    /// <summary>A proposed decision linking the given AoUs, features and requirements, appended directly (the decision API is another slice).</summary>
    public static async Task<string> ProposeDecisionAsync(
        this ApiFixture api, string baseline, string symbol,
        string[]? assumptions = null, string[]? features = null, string[]? requirements = null)
    {
        var stream = Decision.StreamId(baseline, symbol);
        await api.Store().AppendAsync(StreamAppend.Start(stream,
            new DecisionProposed(baseline, symbol, "y", "needed", assumptions ?? [], features ?? [], requirements ?? [])),
            new EventMetadata("engineer-1"));
        return stream;
    }

    public static EventLog Store(this ApiFixture api) => api.Services.GetRequiredService<EventLog>();

    /// <summary>The stream's events with their log positions (sealed first, so every position is known).</summary>
    public static async Task<IReadOnlyList<RecordedEvent>> EventsOfAsync(this ApiFixture api, string stream)
    {
        await api.Store().Sealer.SealAsync();
        return await api.Store().ReadStreamAsync(stream);
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendAsync(WithIfMatch(HttpMethod.Put, url, body, ifMatch));

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object? body, string? ifMatch) =>
        client.SendAsync(WithIfMatch(HttpMethod.Post, url, body, ifMatch));

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
