using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Platforms;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests;

/// <summary>
/// Decision scenarios. Platforms, baselines, AoUs, features and requirements are arranged by
/// appending their domain events directly, so these tests do not depend on those endpoints.
/// </summary>
public static class DecisionScenarios
{
    public const string Rationale = "Userspace (glibc, systemd) needs futexes; switching it off breaks the platform.";

    public static async Task ArrangeBaselineAsync(this ApiFixture api, string baseline, IReadOnlyDictionary<string, string>? config = null)
    {
        var platform = $"{baseline}-platform";
        await api.StartStreamOnceAsync(Platform.StreamId(platform), new PlatformRegistered(
            platform, "arm64", "qemu-virt", ["v8.2a"], null, "qemu", ["EL1"], "Test platform"));
        var stream = Baseline.StreamId(baseline);
        var events = new List<object> { new BaselineCreated(baseline, platform, "6.12.117", "default", null) };
        if (config is not null) events.Add(new ConfigImported(baseline, 1, new string('a', 64), "arm64", "6.12.117", config));
        await api.StartStreamOnceAsync(stream, [.. events]);
    }

    public static Task ArrangeAssumptionAsync(this ApiFixture api, string id) =>
        api.StartStreamOnceAsync(AssumptionOfUse.StreamId(id), new AssumptionDrafted(id, "environment", $"Assumption {id}"));

    public static Task ArrangeFeatureAsync(this ApiFixture api, string id) =>
        api.StartStreamOnceAsync(HardwareFeature.StreamId(id), new HardwareFeatureRegistered(
            id, id.ToUpperInvariant(), "arm64", "user memory access", "Test feature", ["ARM64_PAN"], new Dictionary<string, string>()));

    public static Task ArrangeRequirementAsync(this ApiFixture api, string id) =>
        api.StartStreamOnceAsync(Requirement.StreamId(id), new RequirementRecorded(id, null, "Title", "Text", "safety"));

    public static async Task ArrangeFreezeAsync(this ApiFixture api, string baseline) =>
        await api.DecisionStore().AppendAsync(new StreamAppend(Baseline.StreamId(baseline), await api.DecisionStore().StreamVersionAsync(Baseline.StreamId(baseline)),
            [new BaselineFrozen(baseline, "certification")]), new EventMetadata("assessor-1", "assessor", "certification"));

    /// <summary>What an AoU revision does to a linked decision (written by the AoU slice in production).</summary>
    public static async Task ArrangeSuspectAsync(this ApiFixture api, string baseline, string symbol) =>
        await api.DecisionStore().AppendAsync(new StreamAppend(Decision.StreamId(baseline, symbol), await api.DecisionStore().StreamVersionAsync(Decision.StreamId(baseline, symbol)),
            [new DecisionMarkedSuspect(baseline, symbol, "aou/AOU-0001 revised (r2)")]), new EventMetadata("system"));

    /// <summary>A proposed decision (proposed by the Engineer unless told); returns its version (the ETag).</summary>
    public static async Task<long> ProposedDecisionAsync(this ApiFixture api, string baseline, string symbol, HttpClient? proposer = null)
    {
        await api.ArrangeBaselineAsync(baseline);
        var response = await (proposer ?? api.Engineer).PostAsJsonAsync(
            $"/api/baselines/{baseline}/decisions", new { symbol, value = "y", rationale = Rationale });
        response.EnsureSuccessStatusCode();
        return Version(response);
    }

    /// <summary>Proposed by the Engineer, approved by the Assessor.</summary>
    public static async Task<long> ApprovedDecisionAsync(this ApiFixture api, string baseline, string symbol)
    {
        var version = await api.ProposedDecisionAsync(baseline, symbol);
        var response = await api.Assessor.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/decisions/{symbol}/approve", new { }, version);
        response.EnsureSuccessStatusCode();
        return Version(response);
    }

    public static Task<IReadOnlyList<RecordedEvent>> DecisionEventsAsync(this ApiFixture api, string baseline, string symbol) =>
        api.DecisionStore().ReadStreamAsync(Decision.StreamId(baseline, symbol));

    public static async Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string url, object? body, long? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatch}\""));
        return await client.SendAsync(request);
    }

    public static long Version(HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private static EventLog DecisionStore(this ApiFixture api) => api.Services.GetRequiredService<EventLog>();

    private static async Task StartStreamOnceAsync(this ApiFixture api, string stream, params object[] events)
    {
        var store = api.DecisionStore();
        if (await store.StreamVersionAsync(stream) > 0) return;
        await store.AppendAsync(StreamAppend.Start(stream, events), new EventMetadata("engineer-1", "engineer"));
    }
}
