using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

public sealed class DependencyWarningsOnDecisions(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Tree = CatalogScenarios.CatalogTarball(("Kconfig", """
        config NET
        	bool "Networking"
        config PCI
        	bool "PCI"
        config STAGING
        	bool "Staging drivers"
        if PCI
        config E1000
        	tristate "Intel PRO/1000"
        	depends on NET && !STAGING
        	depends on ARCH = "arm64 NET" || m
        endif
        config QUIET
        	bool "Quiet"
        	depends on !STAGING

        """));

    [Fact]
    public async Task Proposing_y_or_m_warns_about_each_dependency_decided_n_but_still_records_the_decision()
    {
        var baseline = await ArrangeAsync("7.3.1", ("NET", "n"), ("PCI", "n"), ("STAGING", "n"));
        var before = await api.EventCountAsync();

        var response = await ProposeAsync(baseline, "E1000", "m");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(before + 1, await api.EventCountAsync());
        Assert.Equal(
            ["CONFIG_E1000 depends on CONFIG_NET, which is decided n", "CONFIG_E1000 depends on CONFIG_PCI, which is decided n"],
            Warnings(await response.Content.ReadFromJsonAsync<JsonElement>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_negated_dependency_decided_n_an_n_decision_and_a_withdrawn_n_decision_do_not_warn()
    {
        var baseline = await ArrangeAsync("7.3.2", ("STAGING", "n"), ("NET", "n"), ("PCI", "y"));
        Assert.Equal(HttpStatusCode.OK, (await api.Engineer.PostAsJsonAsync(
            $"/api/baselines/{baseline}/decisions/NET/withdraw", new { reason = "not needed" })).StatusCode);

        Assert.Empty(Warnings(await (await ProposeAsync(baseline, "QUIET", "y")).Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Empty(Warnings(await (await ProposeAsync(baseline, "E1000", "y")).Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Empty(await api.ReadWarningsAsync(baseline, "E1000"));
    }

    [Fact]
    public async Task Revising_to_y_warns_and_revising_to_n_does_not()
    {
        var baseline = await ArrangeAsync("7.3.3", ("PCI", "y"));
        await api.DecideAsync(baseline, "E1000", "n");
        await api.DecideAsync(baseline, "NET", "n");

        var toYes = await ReviseAsync(baseline, "E1000", "y");
        var toNo = await ReviseAsync(baseline, "E1000", "n");

        Assert.Equal(HttpStatusCode.OK, toYes.StatusCode);
        Assert.Equal(["CONFIG_E1000 depends on CONFIG_NET, which is decided n"], Warnings(await toYes.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.OK, toNo.StatusCode);
        Assert.Empty(Warnings(await toNo.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private static List<string> Warnings(JsonElement detail) =>
        detail.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();

    private Task<HttpResponseMessage> ProposeAsync(string baseline, string symbol, string value) =>
        api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", new { symbol, value, rationale = "Needed." });

    private Task<HttpResponseMessage> ReviseAsync(string baseline, string symbol, string value) =>
        api.Engineer2.PutAsJsonAsync($"/api/baselines/{baseline}/decisions/{symbol}",
            new { value, rationale = "Changed.", assumptions = Array.Empty<string>(), features = Array.Empty<string>(), requirements = Array.Empty<string>(), reason = "revised" });

    private async Task<string> ArrangeAsync(string version, params (string Symbol, string Value)[] decided)
    {
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(Tree, $"kernelVersion={version}&architecture=arm64")).StatusCode);
        var baseline = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: version);
        foreach (var (symbol, value) in decided) await api.DecideAsync(baseline, symbol, value);
        return baseline;
    }
}
