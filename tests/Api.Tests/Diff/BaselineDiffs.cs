using System.Net;
using System.Text.Json;

namespace Traceability.Api.Tests.Diff;

public sealed class BaselineDiffs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Dictionary<string, string> Old = SampleConfigs.Values(SampleConfigs.Arm64_6_1);
    private static readonly Dictionary<string, string> New = SampleConfigs.Values(SampleConfigs.Arm64_6_12);

    private static string[] Added => [.. New.Keys.Except(Old.Keys).Order(StringComparer.Ordinal)];
    private static string[] Removed => [.. Old.Keys.Except(New.Keys).Order(StringComparer.Ordinal)];
    private static string[] Changed => [.. New.Keys.Where(k => Old.TryGetValue(k, out var v) && v != New[k]).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_diff_of_the_real_6_1_and_6_12_arm64_configs_matches_an_independent_count()
    {
        var platform = await api.NewPlatformAsync();
        var a = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_1);
        var b = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_12, "6.12.117");

        var diff = await api.Viewer.GetOkAsync($"/api/baselines/{a}/diff/{b}");

        Assert.Equal((1650, 234, 318), (Added.Length, Removed.Length, Changed.Length));
        AssertSymbols(diff, "added", Added);
        AssertSymbols(diff, "removed", Removed);
        AssertSymbols(diff, "changed", Changed);
        var item = diff.GetProperty("changed").GetProperty("items")[0];
        var symbol = item.GetProperty("symbol").GetString()!["CONFIG_".Length..];
        Assert.Equal((Old[symbol], New[symbol]), (item.GetProperty("from").GetString(), item.GetProperty("to").GetString()));
        var removed = diff.GetProperty("removed").GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("to").ValueKind);
        Assert.Equal((a, 1, "6.1.192"), Side(diff.GetProperty("from")));
        Assert.Equal((b, 1, "6.12.117"), Side(diff.GetProperty("to")));
        var latest = await api.Viewer.GetOkAsync($"/api/baselines/{b}");
        Assert.Equal(latest.GetProperty("latestImport").GetProperty("sha256").GetString(), diff.GetProperty("to").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_decision_on_a_changed_symbol_is_listed_under_that_symbol_from_either_baseline()
    {
        var platform = await api.NewPlatformAsync();
        var a = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_1);
        var b = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_12, "6.12.117");
        var symbol = Changed.First(s => Old[s] is "y" or "m" or "n" && New[s] is "y" or "m" or "n");
        await api.TracedDecisionAsync(a, symbol, Old[symbol], approve: true);
        await api.TracedDecisionAsync(b, symbol, Old[symbol]);

        var diff = await api.Viewer.GetOkAsync($"/api/baselines/{a}/diff/{b}");

        var item = diff.GetProperty("changed").GetProperty("items").OnlyWith("symbol", "CONFIG_" + symbol);
        var decisions = item.GetProperty("decisions");
        Assert.Equal([a, b], decisions.EnumerateArray().Select(d => d.GetProperty("baseline").GetString()));
        Assert.Equal(("approved", Old[symbol]), (decisions[0].GetProperty("status").GetString(), decisions[0].GetProperty("value").GetString()));
        Assert.Equal("proposed", decisions[1].GetProperty("status").GetString());
        Assert.Empty(decisions[0].GetProperty("flags").Strings());
        Assert.Equal(["unapproved"], decisions[1].GetProperty("flags").Strings());
        Assert.Equal(1, diff.GetProperty("changed").GetProperty("items").EnumerateArray().Count(i => i.GetProperty("decisions").GetArrayLength() > 0));
    }

    [Fact]
    public async Task Two_imports_of_one_baseline_are_compared_by_revision_either_way()
    {
        var id = await api.BaselineWithConfigAsync(await api.NewPlatformAsync(), SampleConfigs.Arm64_6_1);
        (await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_12, query: BaselineScenarios.ForcedSeries)).EnsureSuccessStatusCode();

        var forward = await api.Viewer.GetOkAsync($"/api/baselines/{id}/diff/{id}?fromRevision=1&toRevision=2");
        var backward = await api.Viewer.GetOkAsync($"/api/baselines/{id}/diff/{id}?fromRevision=2&toRevision=1");
        var latest = await api.Viewer.GetOkAsync($"/api/baselines/{id}/diff/{id}");

        AssertSymbols(forward, "added", Added);
        AssertSymbols(forward, "changed", Changed);
        Assert.Equal((id, 1, "6.1.192"), Side(forward.GetProperty("from")));
        Assert.Equal((id, 2, "6.12.117"), Side(forward.GetProperty("to")));
        AssertSymbols(backward, "added", Removed);
        AssertSymbols(backward, "removed", Added);
        Assert.Equal((0, 0, 0), (Count(latest, "added"), Count(latest, "removed"), Count(latest, "changed")));
    }

    [Fact]
    public async Task Diffing_an_unknown_baseline_or_revision_is_404()
    {
        var id = await api.BaselineWithConfigAsync(await api.NewPlatformAsync(), SampleConfigs.Arm64_6_1);

        var unknownFrom = await api.Viewer.GetAsync($"/api/baselines/no-such-baseline/diff/{id}");
        var unknownTo = await api.Viewer.GetAsync($"/api/baselines/{id}/diff/no-such-baseline");
        var unknownRevision = await api.Viewer.GetAsync($"/api/baselines/{id}/diff/{id}?toRevision=7");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (unknownFrom.StatusCode, unknownTo.StatusCode, unknownRevision.StatusCode));
        Assert.Contains("no-such-baseline", await unknownTo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diffing_a_baseline_without_an_imported_config_is_409_saying_so()
    {
        var platform = await api.NewPlatformAsync();
        var imported = await api.BaselineWithConfigAsync(platform, SampleConfigs.Arm64_6_1);
        var empty = await api.BaselineWithConfigAsync(platform, null);

        var response = await api.Viewer.GetAsync($"/api/baselines/{imported}/diff/{empty}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no imported .config", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fromRevision=0")]
    [InlineData("toRevision=latest")]
    public async Task A_revision_that_is_not_a_positive_number_is_400(string query)
    {
        var id = await api.BaselineWithConfigAsync(await api.NewPlatformAsync(), null);

        var response = await api.Viewer.GetAsync($"/api/baselines/{id}/diff/{id}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static void AssertSymbols(JsonElement diff, string group, string[] expected)
    {
        Assert.Equal(expected.Length, Count(diff, group));
        Assert.Equal(expected.Select(s => "CONFIG_" + s),
            diff.GetProperty(group).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("symbol").GetString()));
    }

    private static int Count(JsonElement diff, string group) => diff.GetProperty(group).GetProperty("count").GetInt32();

    private static (string?, int, string?) Side(JsonElement side) =>
        (side.GetProperty("baseline").GetString(), side.GetProperty("revision").GetInt32(), side.GetProperty("kernelVersion").GetString());
}
