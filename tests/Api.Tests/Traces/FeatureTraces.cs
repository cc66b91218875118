using System.Net;
using System.Text.Json;

namespace Traceability.Api.Tests.Traces;

public sealed class FeatureTraces(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_feature_trace_shows_each_governing_symbols_value_and_decision_on_every_relevant_baseline()
    {
        var listed = await api.NewPlatformAsync();
        var unlisted = await api.NewPlatformAsync();
        var foreign = await api.NewPlatformAsync("x86_64");
        var feature = await api.RegisterFeatureAsync("arm64", ["CONFIG_ARM64_PAN", "ARM64_EPAN"], new() { [listed] = "available" });
        var onListed = await api.BaselineWithConfigAsync(listed, SampleConfigs.Arm64_6_1);
        var onUnlisted = await api.BaselineWithConfigAsync(unlisted, null);
        var onForeign = await api.BaselineWithConfigAsync(foreign, null);
        await api.TracedDecisionAsync(onListed, "ARM64_PAN", "y", approve: true, features: [feature]);
        await api.TracedDecisionAsync(onListed, "HARDENED_USERCOPY", "y", features: [feature]);

        var trace = await api.Viewer.GetOkAsync($"/api/hardware-features/{feature}/trace");

        Assert.False(trace.GetProperty("noGoverningSymbol").GetBoolean());
        Assert.Equal(["CONFIG_ARM64_EPAN", "CONFIG_ARM64_PAN"], trace.GetProperty("feature").GetProperty("governingSymbols").Strings());
        var baselines = trace.GetProperty("baselines");
        Assert.DoesNotContain(baselines.EnumerateArray(), b => b.GetProperty("baseline").GetString() == onForeign);
        var first = baselines.OnlyWith("baseline", onListed);
        Assert.Equal((listed, "available"), (first.GetProperty("platform").GetString(), first.GetProperty("availability").GetString()));
        var config = SampleConfigs.Values(SampleConfigs.Arm64_6_1);
        var (epan, pan) = (first.GetProperty("symbols")[0], first.GetProperty("symbols")[1]);
        Assert.Equal(("CONFIG_ARM64_PAN", config["ARM64_PAN"], false), (pan.GetProperty("symbol").GetString(),
            pan.GetProperty("configValue").GetString(), pan.GetProperty("undecided").GetBoolean()));
        Assert.Equal(("y", "approved"), (pan.GetProperty("decision").GetProperty("value").GetString(),
            pan.GetProperty("decision").GetProperty("status").GetString()));
        Assert.Equal(("CONFIG_ARM64_EPAN", config["ARM64_EPAN"], true, JsonValueKind.Null), (epan.GetProperty("symbol").GetString(),
            epan.GetProperty("configValue").GetString(), epan.GetProperty("undecided").GetBoolean(), epan.GetProperty("decision").ValueKind));
        Assert.Equal(["undocumented"], epan.GetProperty("flags").Strings());
        var second = baselines.OnlyWith("baseline", onUnlisted);
        Assert.Equal("not listed", second.GetProperty("availability").GetString());
        Assert.All(second.GetProperty("symbols").EnumerateArray(), s => Assert.True(s.GetProperty("undecided").GetBoolean()));
        Assert.Equal(2, trace.GetProperty("linkingDecisionCount").GetInt32());
        var linking = trace.GetProperty("linkingDecisions").OnlyWith("baseline", onListed).GetProperty("decisions");
        Assert.Equal(["CONFIG_ARM64_PAN", "CONFIG_HARDENED_USERCOPY"], linking.EnumerateArray().Select(d => d.GetProperty("symbol").GetString()));
    }

    [Fact]
    public async Task A_feature_no_symbol_governs_says_so_instead_of_listing_nothing()
    {
        var platform = await api.NewPlatformAsync("x86_64");
        var smep = await api.RegisterFeatureAsync("x86_64", [], new() { [platform] = "available" });
        var baseline = await api.BaselineWithConfigAsync(platform, SampleConfigs.Amd64_6_1);

        var trace = await api.Viewer.GetOkAsync($"/api/hardware-features/{smep}/trace");

        Assert.True(trace.GetProperty("noGoverningSymbol").GetBoolean());
        Assert.Contains("no configuration symbol governs", trace.GetProperty("note").GetString(), StringComparison.OrdinalIgnoreCase);
        var onBaseline = trace.GetProperty("baselines").OnlyWith("baseline", baseline);
        Assert.Equal("available", onBaseline.GetProperty("availability").GetString());
        Assert.Equal(JsonValueKind.Null, onBaseline.GetProperty("symbols").ValueKind);
    }

    [Fact]
    public async Task A_feature_with_governing_symbols_carries_no_note()
    {
        var feature = await api.RegisterFeatureAsync("riscv64", ["RISCV_ISA_ZICBOM"], []);

        var trace = await api.Viewer.GetOkAsync($"/api/hardware-features/{feature}/trace");

        Assert.Equal(JsonValueKind.Null, trace.GetProperty("note").ValueKind);
        Assert.Empty(trace.GetProperty("baselines").EnumerateArray());
    }

    [Fact]
    public async Task Tracing_an_unknown_feature_is_404()
    {
        var response = await api.Viewer.GetAsync("/api/hardware-features/no-such-feature/trace");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
