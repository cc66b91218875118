using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace Traceability.Api.Tests.Scenarios;

/// <summary>
/// One of everything a write route can name, so that a bad-input case reaches the body's validation
/// (a route to nothing would be refused with 404 before the body is looked at).
/// </summary>
public sealed record HardeningTargets(string Platform, string Baseline, string Feature, string Assumption, string Requirement, string Symbol, string Key)
{
    /// <summary>The existing resource a route parameter names, chosen by the parameter and the segment before it.</summary>
    public string For(string route, string parameter)
    {
        var before = route[..route.IndexOf($"{{{parameter}}}", StringComparison.Ordinal)].TrimEnd('/');
        return (parameter, before[(before.LastIndexOf('/') + 1)..]) switch
        {
            ("symbol", _) => Symbol,
            ("name", "keys") => Key,
            ("baseline" or "a" or "b", _) or (_, "baselines") => Baseline,
            (_, "hardware-features") => Feature,
            (_, "assumptions") => Assumption,
            (_, "requirements") => Requirement,
            (_, "platforms") => Platform,
            _ => "sample-1",
        };
    }
}

public static class HardeningScenarios
{
    private static readonly ConditionalWeakTable<ApiFixture, Task<HardeningTargets>> Targets = [];

    public static Task<HardeningTargets> HardeningTargetsAsync(this ApiFixture api) => Targets.GetValue(api, ArrangeAsync);

    private static async Task<HardeningTargets> ArrangeAsync(ApiFixture api)
    {
        var platform = await api.RegisterPlatformAsync();
        var baseline = await api.CreateBaselineAsync(platform: platform);
        (await api.ImportConfigAsync(baseline, MatrixScenarios.Config(("FUTEX", "y"), ("SLAB", "y")))).EnsureSuccessStatusCode();
        var feature = BaselineScenarios.NewId("feature");
        await api.CreateFeatureAsync(feature);
        var assumption = await api.DraftAssumptionAsync();
        var requirement = BaselineScenarios.NewId("req");
        await api.RecordRequirementAsync(requirement);
        (await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
            new { symbol = "FUTEX", value = "y", rationale = "Userspace locking needs it." })).EnsureSuccessStatusCode();
        return new HardeningTargets(platform, baseline, feature, assumption, requirement, "FUTEX", "viewer-1");
    }
}
