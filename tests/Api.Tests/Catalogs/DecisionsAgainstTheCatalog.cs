using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

public sealed class DecisionsAgainstTheCatalog(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Tree = CatalogScenarios.CatalogTarball(
        ("Kconfig", "source \"arch/$(SRCARCH)/Kconfig\"\nconfig FUTEX\n\tbool \"Futexes\"\n"),
        ("arch/x86/Kconfig", "config X86_UMIP\n\tdef_bool y\n"),
        ("arch/arm64/Kconfig", "config ARM64_PAN\n\tbool \"PAN\"\n"));

    private static object Proposal(string symbol, bool? force = null, string? forceReason = null) =>
        new { symbol, value = "y", rationale = "Needed.", force, forceReason };

    [Fact]
    public async Task A_symbol_the_baselines_catalog_does_not_know_is_refused_with_422_and_nothing_is_written()
    {
        var baseline = await ArrangeAsync("7.0.1", Architectures.X86_64);
        var before = await api.EventCountAsync();

        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", Proposal("ARM64_PAN"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("7.0.1/x86", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_known_symbol_is_accepted_and_an_unknown_one_when_forced_with_a_reason()
    {
        var baseline = await ArrangeAsync("7.0.2", Architectures.X86_64);

        Assert.Equal(HttpStatusCode.Created, (await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", Proposal("CONFIG_X86_UMIP"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", Proposal("OUT_OF_TREE", true))).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", Proposal("OUT_OF_TREE", true, "Vendor patch adds it."))).StatusCode);
    }

    [Fact]
    public async Task Without_a_catalog_for_the_baselines_kernel_nothing_is_checked_and_the_response_says_so()
    {
        var baseline = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: "7.0.3");

        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", Proposal("ANYTHING_GOES"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("none", decision.GetProperty("catalog").GetString());
        var warning = Assert.Single(decision.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("No Kconfig catalog exists for kernel 7.0 on arm64: CONFIG_ANYTHING_GOES was not checked", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_of_one_release_serves_every_baseline_of_its_series_and_architecture_only()
    {
        await ArrangeAsync("7.3.9", Architectures.X86_64);
        var sameSeries = await api.CreateBaselineAsync(Architectures.X86_64, kernelVersion: "7.3.1");
        var otherSeries = await api.CreateBaselineAsync(Architectures.X86_64, kernelVersion: "7.4.1");
        var otherArchitecture = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: "7.3.1");

        var refused = await api.Engineer.PostAsJsonAsync($"/api/baselines/{sameSeries}/decisions", Proposal("ARM64_PAN"));
        var notChecked = await api.Engineer.PostAsJsonAsync($"/api/baselines/{otherSeries}/decisions", Proposal("ARM64_PAN"));
        var elsewhere = await api.Engineer.PostAsJsonAsync($"/api/baselines/{otherArchitecture}/decisions", Proposal("ARM64_PAN"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("7.3.9/x86", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("none", (await notChecked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalog").GetString());
        Assert.Equal("none", (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalog").GetString());
    }

    private async Task<string> ArrangeAsync(string version, string architecture)
    {
        var upload = await api.Admin.CatalogUploadAsync(Tree, $"kernelVersion={version}&architecture={architecture}");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        return await api.CreateBaselineAsync(architecture, kernelVersion: version);
    }
}
