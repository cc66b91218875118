using System.Text.Json;

namespace Traceability.Api.Tests.Matrix;

public sealed class MatrixFlagsAndFilters(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Each_flag_shows_on_the_row_it_describes_and_only_there()
    {
        var small = await api.SmallMatrixAsync();
        var rows = (await api.Viewer.MatrixAsync(small.Baseline)).BySymbol();

        Assert.Equal(10, rows.Count);
        Assert.Empty(rows["CONFIG_FUTEX"].Flags());
        Assert.Equal(["deviation"], rows["CONFIG_ARM64_PAN"].Flags());
        Assert.Equal(["undocumented"], rows["CONFIG_USB_STORAGE"].Flags());
        Assert.Empty(rows["CONFIG_HZ_100"].Flags());
        Assert.Equal(["unapproved"], rows["CONFIG_DEBUG_FS"].Flags());
        Assert.Equal(["unapproved"], rows["CONFIG_KPROBES"].Flags());
        Assert.Equal(["suspect"], rows["CONFIG_SECCOMP"].Flags());
        Assert.Equal(["unapproved", "symbol-missing"], rows["CONFIG_OLD_SYMBOL"].Flags());
        Assert.Equal(["undocumented"], rows["CONFIG_STAGING"].Flags());
        Assert.Empty(rows["CONFIG_LOG_BUF_SHIFT"].Flags());
    }

    [Fact]
    public async Task A_row_carries_its_value_decision_links_evidence_and_last_change()
    {
        var small = await api.SmallMatrixAsync();
        var futex = (await api.Viewer.MatrixAsync(small.Baseline)).BySymbol()["CONFIG_FUTEX"];

        Assert.Equal("y", futex.GetProperty("configValue").GetString());
        Assert.Equal("y", futex.GetProperty("decidedValue").GetString());
        Assert.Equal("approved", futex.GetProperty("status").GetString());
        Assert.Equal(1, futex.GetProperty("revision").GetInt32());
        Assert.Equal(SmallMatrix.Rationale, futex.GetProperty("rationale").GetString());
        Assert.Equal([small.Feature], futex.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1, futex.GetProperty("evidenceCount").GetInt32());
        Assert.Equal("engineer-1", futex.GetProperty("lastChange").GetProperty("actor").GetString());
        Assert.True(futex.GetProperty("lastChange").GetProperty("position").GetInt64() > 0);
    }

    [Theory]
    [InlineData("?flag=deviation", "ARM64_PAN")]
    [InlineData("?flag=undocumented&flag=symbol-missing", "OLD_SYMBOL STAGING USB_STORAGE")]
    [InlineData("?flag=unapproved,suspect", "DEBUG_FS KPROBES OLD_SYMBOL SECCOMP")]
    [InlineData("?status=none", "HZ_100 LOG_BUF_SHIFT USB_STORAGE")]
    [InlineData("?status=withdrawn", "STAGING")]
    [InlineData("?status=approved", "ARM64_PAN FUTEX SECCOMP")]
    [InlineData("?status=rejected&status=none", "HZ_100 KPROBES LOG_BUF_SHIFT USB_STORAGE")]
    [InlineData("?symbolPrefix=config_s", "SECCOMP STAGING")]
    [InlineData("?symbolPrefix=S", "SECCOMP STAGING")]
    [InlineData("?search=_s", "LOG_BUF_SHIFT OLD_SYMBOL USB_STORAGE")]
    [InlineData("?search=CONFIG_fs", "DEBUG_FS")]
    [InlineData("?flag=undocumented&symbolPrefix=USB", "USB_STORAGE")]
    public async Task A_filter_returns_exactly_the_rows_it_names(string query, string expected)
    {
        var small = await api.SmallMatrixAsync();
        var page = await api.Viewer.MatrixAsync(small.Baseline, query);

        Assert.Equal(expected.Split(' ').Select(s => "CONFIG_" + s), page.Symbols());
        Assert.Equal(expected.Split(' ').Length, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Filtering_by_assumption_or_feature_returns_the_decisions_linking_it()
    {
        var small = await api.SmallMatrixAsync();

        Assert.Equal(["CONFIG_SECCOMP"], (await api.Viewer.MatrixAsync(small.Baseline, $"?assumption={small.Assumption}")).Symbols());
        Assert.Equal(["CONFIG_ARM64_PAN", "CONFIG_FUTEX"], (await api.Viewer.MatrixAsync(small.Baseline, $"?feature={small.Feature}")).Symbols());
        Assert.Empty((await api.Viewer.MatrixAsync(small.Baseline, "?assumption=AOU-9999")).Symbols());
    }

    [Theory]
    [InlineData("", "ARM64_PAN DEBUG_FS FUTEX HZ_100 KPROBES LOG_BUF_SHIFT OLD_SYMBOL SECCOMP STAGING USB_STORAGE")]
    [InlineData("?sort=-symbol", "USB_STORAGE STAGING SECCOMP OLD_SYMBOL LOG_BUF_SHIFT KPROBES HZ_100 FUTEX DEBUG_FS ARM64_PAN")]
    [InlineData("?sort=status", "ARM64_PAN FUTEX SECCOMP DEBUG_FS OLD_SYMBOL KPROBES STAGING HZ_100 LOG_BUF_SHIFT USB_STORAGE")]
    [InlineData("?sort=-status", "STAGING KPROBES DEBUG_FS OLD_SYMBOL ARM64_PAN FUTEX SECCOMP HZ_100 LOG_BUF_SHIFT USB_STORAGE")]
    [InlineData("?sort=configValue", "LOG_BUF_SHIFT USB_STORAGE HZ_100 ARM64_PAN DEBUG_FS FUTEX KPROBES SECCOMP STAGING OLD_SYMBOL")]
    [InlineData("?sort=-configValue", "ARM64_PAN DEBUG_FS FUTEX KPROBES SECCOMP STAGING HZ_100 USB_STORAGE LOG_BUF_SHIFT OLD_SYMBOL")]
    public async Task A_sort_orders_rows_with_missing_values_last_and_ties_by_symbol(string query, string expected)
    {
        var small = await api.SmallMatrixAsync();

        Assert.Equal(expected.Split(' ').Select(s => "CONFIG_" + s), (await api.Viewer.MatrixAsync(small.Baseline, query)).Symbols());
    }

    [Fact]
    public async Task Sorting_by_last_change_puts_the_latest_change_first_when_descending()
    {
        var small = await api.SmallMatrixAsync();
        var descending = await api.Viewer.MatrixAsync(small.Baseline, "?sort=-lastChange");
        var ascending = await api.Viewer.MatrixAsync(small.Baseline, "?sort=lastChange");

        // The AoU revision came last and marked SECCOMP suspect; the rows only the import touched come first, by symbol.
        Assert.Equal("CONFIG_SECCOMP", descending.Symbols()[0]);
        Assert.Equal(["CONFIG_HZ_100", "CONFIG_LOG_BUF_SHIFT", "CONFIG_USB_STORAGE"], ascending.Symbols().Take(3));
        var seqs = descending.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("lastChange").GetProperty("position").GetInt64()).ToList();
        Assert.Equal(seqs.OrderDescending(), seqs);
    }

    [Fact]
    public async Task Pages_split_the_sorted_rows_and_report_the_total()
    {
        var small = await api.SmallMatrixAsync();
        var all = (await api.Viewer.MatrixAsync(small.Baseline)).Symbols();

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 4; page++) pages.Add(await api.Viewer.MatrixAsync(small.Baseline, $"?pageSize=3&page={page}"));

        Assert.All(pages, p => Assert.Equal(10, p.GetProperty("total").GetInt32()));
        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.GetProperty("rows").GetArrayLength()));
        Assert.Equal(all, pages.SelectMany(p => p.Symbols()));
        Assert.Equal(3, pages[3].GetProperty("pageSize").GetInt32());
        Assert.Empty((await api.Viewer.MatrixAsync(small.Baseline, "?pageSize=3&page=5")).Symbols());
    }
}
