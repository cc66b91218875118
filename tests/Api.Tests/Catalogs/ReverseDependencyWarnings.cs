using System.Net;
using System.Net.Http.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Catalogs;

public sealed class ReverseDependencyWarnings(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Tree = CatalogScenarios.CatalogTarball(("Kconfig", """
        config PCI
        	bool "PCI"
        config STAGING
        	bool "Staging drivers"
        config E1000
        	tristate "Intel PRO/1000"
        	depends on PCI && !STAGING
        config IGB
        	tristate "Intel IGB"
        	depends on PCI || COMPILE_TEST

        """));

    [Fact]
    public async Task Deciding_n_warns_for_every_active_y_or_m_decision_that_depends_on_it_and_writes_only_the_decision()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.5.1", ("E1000", "m"), ("IGB", "y"));
        await api.ApproveAsync(baseline, "IGB");
        var before = await api.EventCountAsync();

        var warnings = await api.ProposeValueAsync(baseline, "PCI", "n").WarningsAsync(HttpStatusCode.Created);

        Assert.Equal(before + 1, await api.EventCountAsync());
        Assert.Equal(
            [
                "CONFIG_E1000 depends on CONFIG_PCI; deciding CONFIG_PCI n leaves the m decision on CONFIG_E1000 without effect",
                "CONFIG_IGB depends on CONFIG_PCI; deciding CONFIG_PCI n leaves the y decision on CONFIG_IGB without effect",
            ],
            warnings);
    }

    [Fact]
    public async Task Withdrawn_and_n_decisions_on_dependents_and_a_negated_dependency_do_not_warn_from_the_n_side()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.5.2", ("E1000", "y"), ("IGB", "n"));
        Assert.Empty(await api.ProposeValueAsync(baseline, "STAGING", "n").WarningsAsync(HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.OK, (await api.Engineer.PostAsJsonAsync(
            $"/api/baselines/{baseline}/decisions/E1000/withdraw", new { reason = "not needed" })).StatusCode);

        Assert.Empty(await api.ProposeValueAsync(baseline, "PCI", "n").WarningsAsync(HttpStatusCode.Created));
        Assert.Empty(await api.ReviseValueAsync(baseline, "PCI", "n").WarningsAsync());
    }

    [Fact]
    public async Task Revising_n_to_y_clears_the_warning_and_revising_back_to_n_brings_it_back()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.5.3", ("IGB", "y"), ("PCI", "y"));

        Assert.Single(await api.ReviseValueAsync(baseline, "PCI", "n").WarningsAsync());
        Assert.Empty(await api.ReviseValueAsync(baseline, "PCI", "y").WarningsAsync());
        Assert.Single(await api.ReviseValueAsync(baseline, "PCI", "n").WarningsAsync());
    }

    [Fact]
    public async Task Reading_a_decision_shows_its_warnings_as_they_are_now_without_writing_anything()
    {
        var baseline = await api.CatalogBaselineAsync(Tree, "7.5.4", ("PCI", "n"), ("IGB", "y"));
        var before = await api.EventCountAsync();

        Assert.Equal(["CONFIG_IGB depends on CONFIG_PCI, which is decided n"], await api.ReadWarningsAsync(baseline, "IGB"));
        Assert.Equal(["CONFIG_IGB depends on CONFIG_PCI; deciding CONFIG_PCI n leaves the y decision on CONFIG_IGB without effect"],
            await api.ReadWarningsAsync(baseline, "PCI"));
        Assert.Equal(before, await api.EventCountAsync());

        Assert.Equal(HttpStatusCode.OK, (await api.Engineer.PostAsJsonAsync(
            $"/api/baselines/{baseline}/decisions/PCI/withdraw", new { reason = "undecided" })).StatusCode);
        Assert.Empty(await api.ReadWarningsAsync(baseline, "IGB"));
        Assert.Empty(await api.ReadWarningsAsync(baseline, "PCI"));
    }
}
