using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>Symbols Kconfig defines at several sites need any one site's conditions, not all of them (issue 12, item 5).</summary>
public sealed class SeveralSitesOnRealCatalogs(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>The real catalog is built once per fixture (database): a build parses ~1,600 files.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiFixture, Task> Built = [];

    [Fact]
    public async Task Deciding_tcp_cong_advanced_n_with_cubic_y_warns_about_nothing_on_real_6_12_x86()
    {
        var baseline = await BaselineAsync();
        await api.DecideAsync(baseline, "TCP_CONG_ADVANCED", "n");

        var warnings = await api.ProposeValueAsync(baseline, "TCP_CONG_CUBIC", "y").WarningsAsync(HttpStatusCode.Created);

        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Cpu_mitigations_on_real_6_12_x86_reads_as_needing_nothing_and_shows_both_sites_with_their_menus()
    {
        await BaselineAsync();

        var symbol = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs/6.12.117/x86/symbols/CPU_MITIGATIONS");

        Assert.Empty(symbol.GetProperty("dependsOn").EnumerateArray());
        var sites = symbol.GetProperty("definitions").EnumerateArray().ToList();
        Assert.Equal(2, sites.Count);
        Assert.Contains(sites, s => s.GetProperty("dependsOn").EnumerateArray().Any(c => c.GetString() == "!ARCH_CONFIGURES_CPU_MITIGATIONS"));
        Assert.Contains(sites, s => s.GetProperty("dependsOn").GetArrayLength() == 0);
    }

    private async Task<string> BaselineAsync()
    {
        await Built.GetValue(api, _ => BuildAsync());
        return await api.CreateBaselineAsync(Architectures.X86_64, kernelVersion: "6.12.117");
    }

    private async Task BuildAsync()
    {
        var built = await api.CatalogBuildFromPathAsync(CatalogScenarios.CatalogKernelTree("6.12"), "6.12.117", "x86_64");
        Assert.Equal(HttpStatusCode.Created, built.StatusCode);
    }
}
