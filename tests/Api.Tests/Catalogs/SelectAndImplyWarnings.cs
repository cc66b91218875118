using System.Net;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Catalogs;

public sealed class SelectAndImplyWarnings(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Tree = CatalogScenarios.CatalogTarball(("Kconfig", """
        config NET
        	bool "Networking"
        config STAGING
        	bool "Staging drivers"
        config CRC32
        	tristate "CRC32 functions"
        config MII
        	tristate "Media independent interface"
        config PTP
        	tristate "PTP clock support"
        config E1000
        	tristate "Intel PRO/1000"
        	select CRC32
        	select MII if NET && !STAGING
        	imply PTP

        """));

    private const string SelectsCrc = "CONFIG_E1000 selects CONFIG_CRC32, which is decided n: the build will turn CONFIG_CRC32 on";
    private const string SelectsMii = "CONFIG_E1000 selects CONFIG_MII (if NET && !STAGING), which is decided n: the build will turn CONFIG_MII on if the condition holds";
    private const string ImpliesPtp = "CONFIG_E1000 implies CONFIG_PTP, which is decided n: that is only a default, which the n decision overrides";

    [Fact]
    public async Task Deciding_y_while_selected_or_implied_symbols_are_decided_n_warns_for_each_and_writes_only_the_decision()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.6.1", ("CRC32", "n"), ("MII", "n"), ("PTP", "n"), ("NET", "n"));
        var before = await api.EventCountAsync();

        var warnings = await api.ProposeValueAsync(baseline, "E1000", "y").WarningsAsync(HttpStatusCode.Created);

        Assert.Equal(before + 1, await api.EventCountAsync());
        Assert.Equal([SelectsCrc, SelectsMii, ImpliesPtp], warnings);
    }

    [Fact]
    public async Task Deciding_n_on_a_symbol_that_an_active_y_or_m_decision_selects_or_implies_warns_from_that_side()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.6.2", ("E1000", "m"), ("MII", "y"));
        await api.ApproveAsync(baseline, "E1000");

        Assert.Equal(
            ["CONFIG_E1000 selects CONFIG_CRC32; the m decision on CONFIG_E1000 overrides deciding CONFIG_CRC32 n: the build will turn CONFIG_CRC32 on"],
            await api.ProposeValueAsync(baseline, "CRC32", "n").WarningsAsync(HttpStatusCode.Created));
        Assert.Equal(
            ["CONFIG_E1000 selects CONFIG_MII (if NET && !STAGING); the m decision on CONFIG_E1000 overrides deciding CONFIG_MII n: the build will turn CONFIG_MII on if the condition holds"],
            await api.ReviseValueAsync(baseline, "MII", "n").WarningsAsync());
        Assert.Equal(
            ["CONFIG_E1000 implies CONFIG_PTP; for the m decision on CONFIG_E1000 that is only a default, which deciding CONFIG_PTP n overrides"],
            await api.ProposeValueAsync(baseline, "PTP", "n").WarningsAsync(HttpStatusCode.Created));
    }

    [Fact]
    public async Task A_rejected_n_decision_and_an_n_decision_on_the_selecting_symbol_do_not_warn()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.6.3", ("E1000", "y"), ("CRC32", "y"), ("MII", "n"));
        Assert.Equal([SelectsMii], await api.ReadWarningsAsync(baseline, "E1000"));

        Assert.Equal(HttpStatusCode.OK, (await api.Assessor.SendJsonAsync(HttpMethod.Post,
            $"/api/baselines/{baseline}/decisions/MII/reject", new { reason = "not wanted" })).StatusCode);
        Assert.Empty(await api.ReadWarningsAsync(baseline, "E1000"));
        Assert.Empty(await api.ReadWarningsAsync(baseline, "MII"));

        Assert.Empty(await api.ReviseValueAsync(baseline, "E1000", "n").WarningsAsync());
        Assert.Empty(await api.ReviseValueAsync(baseline, "CRC32", "n").WarningsAsync());
    }
}
