using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests;

/// <summary>How a decision ends up after its proposal: left proposed, approved or rejected by the assessor.</summary>
public enum Review { Proposed, Approved, Rejected }

/// <summary>
/// Conformance-check scenarios: baselines with the real configs imported and decisions made over
/// HTTP (the engineer proposes, the assessor's second key approves), and checks that assert they wrote nothing.
/// </summary>
public static class ConformanceScenarios
{
    /// <summary>A baseline on a fresh arm64 platform with the real Debian 6.1 arm64 config imported.</summary>
    public static async Task<string> BaselineWithRealConfigAsync(this ApiFixture api)
    {
        var baseline = await api.CreateBaselineAsync(kernelVersion: "6.1.192");
        (await api.ImportConfigAsync(baseline, SampleConfigs.Arm64_6_1)).EnsureSuccessStatusCode();
        return baseline;
    }

    /// <summary>Returns the decision's version (its ETag) after the review.</summary>
    public static async Task<long> CheckedDecisionAsync(
        this ApiFixture api, string baseline, string symbol, string value, Review review = Review.Approved)
    {
        var proposed = await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
            new { symbol, value, rationale = $"{symbol}={value} is what the safety case assumes." });
        proposed.EnsureSuccessStatusCode();
        if (review == Review.Proposed) return DecisionScenarios.Version(proposed);
        var (action, body) = review == Review.Approved ? ("approve", (object)new { }) : ("reject", new { reason = "Not argued well enough." });
        var reviewed = await api.Assessor.SendJsonAsync(HttpMethod.Post,
            $"/api/baselines/{baseline}/decisions/{symbol}/{action}", body, DecisionScenarios.Version(proposed));
        reviewed.EnsureSuccessStatusCode();
        return DecisionScenarios.Version(reviewed);
    }

    /// <summary>
    /// An approved decision resting on an accepted AoU that is then revised, all over HTTP, so the decision is
    /// suspect exactly as in use. Returns the AoU's id; its revision's reason is <paramref name="reason"/>.
    /// </summary>
    public static async Task<string> SuspectDecisionAsync(this ApiFixture api, string baseline, string symbol, string value, string reason)
    {
        var drafted = await api.Engineer.PostAsJsonAsync("/api/assumptions", new { category = "platform", text = "The CPU implements FEAT_MTE2." });
        drafted.EnsureSuccessStatusCode();
        var aou = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{aou}/accept", new { reason = "Agreed." })).EnsureSuccessStatusCode();
        var proposed = await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
            new { symbol, value, rationale = $"{symbol}={value} relies on {aou}.", assumptions = new[] { aou } });
        proposed.EnsureSuccessStatusCode();
        (await api.Assessor.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/decisions/{symbol}/approve", new { },
            DecisionScenarios.Version(proposed))).EnsureSuccessStatusCode();
        (await api.Engineer.SendJsonAsync(HttpMethod.Put, $"/api/assumptions/{aou}",
            new { category = "platform", text = "FEAT_MTE2 is not assumed.", reason }, null)).EnsureSuccessStatusCode();
        return aou;
    }

    /// <summary>POSTs a check and asserts that it wrote nothing, whatever it answered.</summary>
    public static async Task<HttpResponseMessage> CheckAsync(
        this ApiFixture api, string baseline, HttpContent body, string query = "", HttpClient? client = null)
    {
        var before = await api.EventCountAsync();
        var response = await (client ?? api.Viewer).PostAsync($"/api/baselines/{baseline}/check{query}", body);
        Assert.Equal(before, await api.EventCountAsync());
        return response;
    }

    public static Task<HttpResponseMessage> CheckAsync(
        this ApiFixture api, string baseline, byte[] config, string query = "", HttpClient? client = null) =>
        api.CheckAsync(baseline, Text(config), query, client);

    /// <summary>A check that must answer 200 with a JSON report.</summary>
    public static async Task<JsonElement> CheckReportAsync(this ApiFixture api, string baseline, byte[] config, string query = "")
    {
        var response = await api.CheckAsync(baseline, config, query);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static ByteArrayContent Text(byte[] config)
    {
        var body = new ByteArrayContent(config);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return body;
    }

    /// <summary>The real file with one symbol's line replaced (n writes "is not set") or, for a null value, deleted.</summary>
    public static byte[] RealConfigWith(string sample, string symbol, string? value)
    {
        var display = "CONFIG_" + symbol;
        var lines = File.ReadAllLines(Path.Combine(SampleConfigs.Directory, sample));
        var at = Array.FindIndex(lines, l => l.StartsWith(display + "=", StringComparison.Ordinal) || l == $"# {display} is not set");
        Assert.True(at >= 0, $"{display} is not in {sample}");
        var edited = lines.ToList();
        if (value is null) edited.RemoveAt(at);
        else edited[at] = value == "n" ? $"# {display} is not set" : $"{display}={value}";
        return Encoding.UTF8.GetBytes(string.Join('\n', edited) + "\n");
    }
}
