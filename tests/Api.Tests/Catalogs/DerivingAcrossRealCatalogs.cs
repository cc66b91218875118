using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

public sealed class DerivingAcrossRealCatalogs(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Deriving_6_1_into_6_12_on_arm64_suggests_DRM_DISPLAY_DP_AUX_CEC_for_the_renamed_DRM_DP_CEC()
    {
        foreach (var (series, version) in new[] { ("6.1", "6.1.192"), ("6.12", "6.12.117") })
        {
            var built = await api.CatalogBuildFromPathAsync(CatalogScenarios.CatalogKernelTree(series), version, "arm64");
            Assert.Equal(HttpStatusCode.Created, built.StatusCode);
        }
        var source = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: "6.1.192");
        await api.DecideAsync(source, "DRM_DP_CEC", "y");
        await api.DecideAsync(source, "FUTEX", "y");

        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive",
            new { id = BaselineScenarios.NewId("derived"), kernelVersion = "6.12.117" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var left = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftCatalog").EnumerateArray());
        Assert.Equal("DRM_DP_CEC", left.GetProperty("symbol").GetString());
        var best = left.GetProperty("suggestions")[0];
        Assert.Equal(("DRM_DISPLAY_DP_AUX_CEC", "prompt"), (best.GetProperty("symbol").GetString(), best.GetProperty("match").GetString()));
        Assert.Contains("Enable DisplayPort CEC-Tunneling-over-AUX HDMI support", best.GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }
}
