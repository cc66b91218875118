using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Matrix;

public sealed class MatrixCoverage(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Coverage_counts_flags_and_statuses_and_the_approved_share_of_built_in_symbols()
    {
        var small = await api.SmallMatrixAsync();
        var coverage = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{small.Baseline}/coverage");

        Assert.Equal(10, coverage.GetProperty("total").GetInt32());
        Assert.Equal(7, coverage.GetProperty("builtIn").GetInt32());
        AssertShare(coverage.GetProperty("approved"), 3, 42.9);
        AssertShare(coverage.GetProperty("approvedConforming"), 2, 28.6);
        var flags = coverage.GetProperty("flags");
        AssertShare(flags.GetProperty("undocumented"), 2, 20.0);
        AssertShare(flags.GetProperty("deviation"), 1, 10.0);
        AssertShare(flags.GetProperty("unapproved"), 3, 30.0);
        AssertShare(flags.GetProperty("suspect"), 1, 10.0);
        AssertShare(flags.GetProperty("symbol-missing"), 1, 10.0);
        var statuses = coverage.GetProperty("statuses");
        AssertShare(statuses.GetProperty("approved"), 3, 30.0);
        AssertShare(statuses.GetProperty("proposed"), 2, 20.0);
        AssertShare(statuses.GetProperty("rejected"), 1, 10.0);
        AssertShare(statuses.GetProperty("withdrawn"), 1, 10.0);
        AssertShare(statuses.GetProperty("none"), 3, 30.0);
    }

    [Fact]
    public async Task Status_percentages_add_up_to_exactly_100_even_when_each_alone_would_round_up()
    {
        var baseline = await api.CreateBaselineAsync();
        var symbols = new[] { "FUTEX", "EXT4_FS", "KVM", "MODULES", "SECCOMP", "DEBUG_FS", "KPROBES" };
        (await api.ImportConfigAsync(baseline, System.Text.Encoding.UTF8.GetBytes(string.Concat(symbols.Select(s => $"CONFIG_{s}=y\n")))))
            .EnsureSuccessStatusCode();
        foreach (var symbol in symbols[..5]) await api.DecideAsync(baseline, symbol, "y");
        foreach (var symbol in symbols[..3]) await api.ApproveAsync(baseline, symbol);

        var statuses = (await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{baseline}/coverage")).GetProperty("statuses");

        var shares = statuses.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("percent").GetDouble());
        Assert.Equal(1000, shares.Values.Sum(p => (int)Math.Round(p * 10)));
        Assert.Equal((42.8, 28.6, 28.6), (shares["approved"], shares["proposed"], shares["none"]));
    }

    [Fact]
    public async Task Coverage_as_of_the_head_equals_the_live_coverage()
    {
        var small = await api.SmallMatrixAsync();
        var live = await api.Viewer.GetStringAsync($"/api/baselines/{small.Baseline}/coverage");
        var head = JsonDocument.Parse(live).RootElement.GetProperty("asOfPosition").GetInt64();

        Assert.Equal(live, await api.Viewer.GetStringAsync($"/api/baselines/{small.Baseline}/coverage?asOf={head}"));
    }

    [Fact]
    public async Task Coverage_of_an_unknown_baseline_is_404_and_a_bad_asOf_is_400()
    {
        var small = await api.SmallMatrixAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/nope/coverage")).StatusCode);
        var bad = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/coverage?asOf=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("asOf", out _));
    }

    private static void AssertShare(JsonElement share, int count, double percent)
    {
        Assert.Equal(count, share.GetProperty("count").GetInt32());
        Assert.Equal(percent, share.GetProperty("percent").GetDouble());
    }
}
