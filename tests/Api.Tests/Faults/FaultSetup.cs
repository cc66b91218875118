using System.Net.Http.Json;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>Arranges what the writers need through the API: an engineer and an assessor key, a platform and a baseline.</summary>
public static class FaultSetup
{
    public static async Task<(KeyedClient Engineer, KeyedClient Assessor)> ArrangeAsync(
        HttpClient admin, Func<string, HttpClient> clientForKey, string baseline)
    {
        var engineer = await IssueAsync(admin, clientForKey, "fault-engineer", "engineer");
        var assessor = await IssueAsync(admin, clientForKey, "fault-assessor", "assessor");
        await ArrangePlatformAsync(admin, $"{baseline}-virt");
        await ArrangeBaselineAsync(admin, baseline, $"{baseline}-virt");
        return (engineer, assessor);
    }

    public static async Task ArrangePlatformAsync(HttpClient admin, string platform) =>
        await Ok(await admin.PostAsJsonAsync("/api/platforms", new { id = platform, architecture = "arm64", machine = "QEMU virt" }));

    public static async Task ArrangeBaselineAsync(HttpClient admin, string baseline, string platform) =>
        await Ok(await admin.PostAsJsonAsync("/api/baselines", new { id = baseline, platform, kernelVersion = "6.1.192", variant = "faults" }));

    public static async Task<KeyedClient> IssueAsync(HttpClient admin, Func<string, HttpClient> clientForKey, string name, string role) =>
        new(clientForKey(await IssueSecretAsync(admin, name, role)), name);

    public static async Task<string> IssueSecretAsync(HttpClient admin, string name, string role)
    {
        var response = await Ok(await admin.PostAsJsonAsync("/api/keys", new { name, role, owner = name }));
        return (await response.Content.ReadFromJsonAsync<IssuedKey>())!.Key;
    }

    public static async Task<HttpResponseMessage> Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Every acknowledged write is an event of that stream and version, by that key.</summary>
    public static async Task AssertAllAcknowledgedStoredAsync(FaultPostgres postgres, DecisionWriters writers)
    {
        var stored = await postgres.EventActorsAsync();
        var lost = writers.Acknowledged.Where(a => !stored.TryGetValue((a.Stream, a.Version), out var actor) || actor != a.Actor).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {writers.Acknowledged.Count} acknowledged writes are not in the log, e.g. {lost.FirstOrDefault()}");
    }

    private sealed record IssuedKey(string Name, string Role, string Key);

    /// <summary>
    /// The async activity projection counted every event of the log exactly once: after an outage it
    /// resumed, and with two instances nobody applied a batch twice (a second runner would double counts).
    /// </summary>
    public static async Task AssertActivityCountsEveryEventOnceAsync(HttpClient client, FaultPostgres postgres, string what)
    {
        long counted = 0, logged = 0;
        await Eventually.True(async () =>
        {
            var report = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/activity?days=366");
            counted = report.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("events").GetInt64());
            logged = await postgres.ScalarAsync(WrittenEvents.CountSql);
            return counted == logged;
        }, what, 60);
        Assert.Equal(logged, counted);
    }
}
