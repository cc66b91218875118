using System.Net;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Traces;

public sealed class AssumptionTraces(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_assumption_trace_lists_exactly_the_decisions_linking_it_with_each_baselines_config_values()
    {
        var platform = await api.NewPlatformAsync();
        var aou = await api.AgreedAssumptionAsync("The kernel runs at EL1 under a hypervisor that traps EL2.");
        var other = await api.AgreedAssumptionAsync("User space is untrusted.");
        var old = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_1);
        var current = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_12, "6.12.117");
        await api.TracedDecisionAsync(old, "FUTEX", "y", approve: true, assumptions: [aou]);
        await api.TracedDecisionAsync(old, "ARM64_PAN", "n", approve: true, assumptions: [aou, other]);
        await api.TracedDecisionAsync(old, "ARM64_MTE", "y", assumptions: [other]);
        await api.TracedDecisionAsync(current, "CONFIG_SECCOMP", "y", assumptions: [aou]);

        var trace = await api.Viewer.GetOkAsync($"/api/assumptions/{aou}/trace");

        var config = SampleConfigs.Values(SampleConfigs.Arm64_6_1);
        Assert.Equal((aou, "agreed", 1), (trace.GetProperty("assumption").GetProperty("id").GetString(),
            trace.GetProperty("assumption").GetProperty("status").GetString(), trace.GetProperty("assumption").GetProperty("revision").GetInt32()));
        Assert.Equal(3, trace.GetProperty("decisionCount").GetInt32());
        var onOld = trace.GetProperty("baselines").OnlyWith("baseline", old);
        Assert.Equal((platform, "6.1.192"), (onOld.GetProperty("platform").GetString(), onOld.GetProperty("kernelVersion").GetString()));
        var decisions = onOld.GetProperty("decisions");
        Assert.Equal(["CONFIG_ARM64_PAN", "CONFIG_FUTEX"], decisions.EnumerateArray().Select(d => d.GetProperty("symbol").GetString()));
        var pan = decisions[0];
        Assert.Equal((config["ARM64_PAN"], "n", "approved"), (pan.GetProperty("configValue").GetString(),
            pan.GetProperty("value").GetString(), pan.GetProperty("status").GetString()));
        Assert.Equal(["deviation"], pan.GetProperty("flags").Strings());
        Assert.Equal((config["FUTEX"], "y", "approved"), (decisions[1].GetProperty("configValue").GetString(),
            decisions[1].GetProperty("value").GetString(), decisions[1].GetProperty("status").GetString()));
        Assert.Empty(decisions[1].GetProperty("flags").Strings());
        var seccomp = Assert.Single(trace.GetProperty("baselines").OnlyWith("baseline", current).GetProperty("decisions").EnumerateArray());
        Assert.Equal(("CONFIG_SECCOMP", SampleConfigs.Values(SampleConfigs.Arm64_6_12)["SECCOMP"], "proposed"),
            (seccomp.GetProperty("symbol").GetString(), seccomp.GetProperty("configValue").GetString(), seccomp.GetProperty("status").GetString()));
        Assert.Equal(["unapproved"], seccomp.GetProperty("flags").Strings());
    }

    [Fact]
    public async Task A_revised_assumption_shows_its_linked_decisions_as_suspect()
    {
        var platform = await api.NewPlatformAsync();
        var aou = await api.AgreedAssumptionAsync("Only signed modules are loaded.");
        var baseline = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_1);
        await api.TracedDecisionAsync(baseline, "MODULE_SIG", "y", approve: true, assumptions: [aou]);
        var revised = await api.Engineer.PutAsync($"/api/assumptions/{aou}",
            new { category = "environment", text = "Only modules signed by the vendor key are loaded.", reason = "key named" }, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);

        var trace = await api.Viewer.GetOkAsync($"/api/assumptions/{aou}/trace");

        Assert.Equal(2, trace.GetProperty("assumption").GetProperty("revision").GetInt32());
        var decision = trace.GetProperty("baselines")[0].GetProperty("decisions")[0];
        Assert.True(decision.GetProperty("suspect").GetBoolean());
        Assert.Contains("suspect", decision.GetProperty("flags").Strings());
    }

    [Fact]
    public async Task An_assumption_no_decision_links_has_an_empty_trace()
    {
        var aou = await api.DraftAssumptionAsync("Nothing relies on this yet.");

        var trace = await api.Viewer.GetOkAsync($"/api/assumptions/{aou}/trace");

        Assert.Equal(0, trace.GetProperty("decisionCount").GetInt32());
        Assert.Empty(trace.GetProperty("baselines").EnumerateArray());
    }

    [Fact]
    public async Task Tracing_an_unknown_assumption_is_404()
    {
        var response = await api.Viewer.GetAsync("/api/assumptions/AOU-9999/trace");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("AOU-9999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/assumptions/AOU-0001/trace")]
    [InlineData("/api/hardware-features/arm64-pan/trace")]
    [InlineData("/api/baselines/a/diff/b")]
    public async Task Traces_and_diffs_need_an_api_key(string url)
    {
        var response = await api.Anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
