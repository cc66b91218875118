using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Matrix;

/// <summary>The Debian arm64 configs (about 11k symbols): paging, CSV, live against history, rebuild.</summary>
public sealed class MatrixOfRealConfigs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiFixture, Task<string>> Arranged = [];
    private static readonly string[] Decided = ["FUTEX", "SECCOMP", "ARM64_PAN", "DEBUG_FS", "KPROBES", "NOT_IN_ANY_KERNEL"];

    [Fact]
    public async Task Every_symbol_of_the_config_is_a_row_and_undocumented_counts_built_in_symbols_without_decision()
    {
        var baseline = await ArrangeAsync();
        var values = SampleConfigs.Values(SampleConfigs.Arm64_6_12);

        var page = await api.Viewer.MatrixAsync(baseline, "?pageSize=1");
        var undocumented = await api.Viewer.MatrixAsync(baseline, "?flag=undocumented&pageSize=1");

        Assert.Equal(values.Count + 1, page.GetProperty("total").GetInt32());
        var builtIn = values.Where(v => v.Value is "y" or "m").Select(v => v.Key).ToHashSet();
        Assert.Equal(builtIn.Except(Decided).Count(), undocumented.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Paging_through_ten_thousand_rows_returns_each_symbol_once_with_a_short_last_page()
    {
        var baseline = await ArrangeAsync();
        var total = (await api.Viewer.MatrixAsync(baseline, "?pageSize=1")).GetProperty("total").GetInt32();
        var pages = (total + 999) / 1000;

        var symbols = new List<string>();
        JsonElement last = default;
        for (var page = 1; page <= pages; page++)
        {
            last = await api.Viewer.MatrixAsync(baseline, $"?pageSize=1000&page={page}");
            symbols.AddRange(last.Symbols());
        }

        Assert.True(total > 10_000);
        Assert.Equal(total - (pages - 1) * 1000, last.GetProperty("rows").GetArrayLength());
        Assert.Equal(total, symbols.Distinct().Count());
        Assert.Equal(symbols.Order(StringComparer.Ordinal), symbols);
    }

    [Fact]
    public async Task The_csv_has_one_record_per_row_of_the_json_total()
    {
        var baseline = await ArrangeAsync();
        var total = (await api.Viewer.MatrixAsync(baseline, "?pageSize=1")).GetProperty("total").GetInt32();

        var records = Rfc4180.Parse(await api.Viewer.MatrixTextAsync(baseline, "?format=csv"));

        Assert.Equal(total, records.Count - 1);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        Assert.All(records.Skip(1), r => Assert.StartsWith("CONFIG_", r[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?pageSize=1000&page=4&sort=-configValue")]
    [InlineData("?pageSize=1000&page=2&sort=lastChange")]
    [InlineData("?flag=undocumented&pageSize=500&page=3&sort=-status")]
    [InlineData("?flag=deviation&flag=unapproved&flag=suspect&flag=symbol-missing")]
    [InlineData("?search=usb&sort=-symbol&pageSize=1000")]
    public async Task Live_and_history_agree_on_the_real_matrix(string query)
    {
        var baseline = await ArrangeAsync();
        var live = await api.Viewer.MatrixTextAsync(baseline, query);
        var head = JsonDocument.Parse(live).RootElement.GetProperty("asOfPosition").GetInt64();

        Assert.Equal(live, await api.Viewer.MatrixTextAsync(baseline, $"{query}&asOf={head}"));
    }

    [Fact]
    public async Task Rebuilding_the_matrix_projection_leaves_the_matrix_identical()
    {
        var baseline = await ArrangeAsync();
        var csv = await api.Viewer.MatrixTextAsync(baseline, "?format=csv");
        var page = await api.Viewer.MatrixTextAsync(baseline, "?pageSize=1000&page=3&sort=-lastChange");
        var coverage = await api.Viewer.GetStringAsync($"/api/baselines/{baseline}/coverage");

        var response = await api.Admin.PostAsync("/api/admin/projections/matrix/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rebuilt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonDocument.Parse(page).RootElement.GetProperty("asOfPosition").GetInt64(), rebuilt.GetProperty("rebuiltToPosition").GetInt64());
        Assert.Equal(csv, await api.Viewer.MatrixTextAsync(baseline, "?format=csv"));
        Assert.Equal(page, await api.Viewer.MatrixTextAsync(baseline, "?pageSize=1000&page=3&sort=-lastChange"));
        Assert.Equal(coverage, await api.Viewer.GetStringAsync($"/api/baselines/{baseline}/coverage"));
    }

    /// <summary>6.1 imported, decisions taken, then 6.12 imported over it: two imports and a decision on a symbol neither has.</summary>
    private Task<string> ArrangeAsync() => Arranged.GetValue(api, _ => ArrangeOnceAsync());

    private async Task<string> ArrangeOnceAsync()
    {
        var baseline = await api.CreateBaselineAsync();
        (await api.ImportConfigAsync(baseline, SampleConfigs.Arm64_6_1)).EnsureSuccessStatusCode();
        foreach (var symbol in Decided) await api.DecideAsync(baseline, symbol, "y");
        await api.ApproveAsync(baseline, "FUTEX");
        await api.ApproveAsync(baseline, "DEBUG_FS");
        (await api.ImportConfigAsync(baseline, SampleConfigs.Arm64_6_12, query: BaselineScenarios.ForcedSeries)).EnsureSuccessStatusCode();
        return baseline;
    }
}
