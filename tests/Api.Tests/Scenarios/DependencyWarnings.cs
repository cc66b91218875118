using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Scenarios;

/// <summary>Decisions against a small uploaded catalog, and the warnings their responses carry.</summary>
public static class DependencyWarningScenarios
{
    /// <summary>A baseline on a catalog built from tree for kernel version, with the decisions proposed in order.</summary>
    public static async Task<string> CatalogBaselineAsync(
        this ApiFixture api, byte[] tree, string version, params (string Symbol, string Value)[] decided)
    {
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(tree, $"kernelVersion={version}&architecture=arm64")).StatusCode);
        var baseline = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: version);
        foreach (var (symbol, value) in decided) await api.DecideAsync(baseline, symbol, value);
        return baseline;
    }

    public static Task<HttpResponseMessage> ProposeValueAsync(this ApiFixture api, string baseline, string symbol, string value) =>
        api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", new { symbol, value, rationale = "Needed." });

    public static Task<HttpResponseMessage> ReviseValueAsync(this ApiFixture api, string baseline, string symbol, string value) =>
        api.Engineer2.PutAsJsonAsync($"/api/baselines/{baseline}/decisions/{symbol}",
            new { value, rationale = "Changed.", assumptions = Array.Empty<string>(), features = Array.Empty<string>(), requirements = Array.Empty<string>(), reason = "revised" });

    public static async Task<List<string>> WarningsAsync(this Task<HttpResponseMessage> sent, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await sent;
        Assert.Equal(expected, response.StatusCode);
        return Warnings(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static List<string> Warnings(JsonElement detail) =>
        detail.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();

    public static async Task<List<string>> ReadWarningsAsync(this ApiFixture api, string baseline, string symbol) =>
        Warnings(await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{baseline}/decisions/{symbol}"));
}
