using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests;

/// <summary>Scenarios for traces and diffs, arranged over the real HTTP endpoints as a user would.</summary>
public static class TraceScenarios
{
    /// <summary>A platform registered over HTTP under a fresh id (the class's database is shared).</summary>
    public static async Task<string> NewPlatformAsync(this ApiFixture api, string architecture = "arm64")
    {
        var id = BaselineScenarios.NewId("platform");
        await api.CreatePlatformAsync(id, architecture);
        return id;
    }

    /// <summary>A baseline on the platform, with the sample .config imported when one is named.</summary>
    public static async Task<string> BaselineWithConfigAsync(this ApiFixture api, string platform, string? sample, string kernelVersion = "6.1.192")
    {
        var id = await api.CreateBaselineAsync(platform: platform, kernelVersion: kernelVersion);
        if (sample is not null) (await api.ImportConfigAsync(id, sample)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A feature registered over HTTP; an empty symbol list records that nothing governs it (SMEP).</summary>
    public static async Task<string> RegisterFeatureAsync(
        this ApiFixture api, string architecture, string[] governingSymbols, Dictionary<string, string> availability)
    {
        var id = BaselineScenarios.NewId("feature");
        var response = await api.Engineer.PostAsJsonAsync("/api/hardware-features", new
        {
            id, name = "Feature " + id, architecture, protectsAgainst = "kernel access to user memory", description = "",
            governingSymbols, availability,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    /// <summary>Proposes over HTTP (engineer-1) and, when asked, approves (assessor-1); the symbol is given without CONFIG_.</summary>
    /// <summary>An AoU drafted and accepted: decisions resting on it can be approved.</summary>
    public static async Task<string> AgreedAssumptionAsync(this ApiFixture api, string text)
    {
        var aou = await api.DraftAssumptionAsync(text);
        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{aou}/accept", new { reason = "Agreed." })).EnsureSuccessStatusCode();
        return aou;
    }

    public static async Task TracedDecisionAsync(
        this ApiFixture api, string baseline, string symbol, string value, bool approve = false,
        string[]? assumptions = null, string[]? features = null)
    {
        var proposed = await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", new
        {
            symbol, value, rationale = $"{symbol}={value} follows from the platform's safety case.",
            assumptions = assumptions ?? [], features = features ?? [], requirements = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        if (!approve) return;
        var approved = await api.Assessor.SendJsonAsync(
            HttpMethod.Post, $"/api/baselines/{baseline}/decisions/{symbol}/approve", new { }, DecisionScenarios.Version(proposed));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    /// <summary>GET that must answer 200, as JSON.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The element of an array whose string property has the value; fails when there is none.</summary>
    public static JsonElement OnlyWith(this JsonElement array, string property, string value) =>
        Assert.Single(array.EnumerateArray(), e => e.GetProperty(property).GetString() == value);
}
