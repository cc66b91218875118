using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Traceability.Api.Demo;
using Traceability.Api.Http;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>
/// The demo, loaded through the API as ./run.sh --demo does, brings the compact catalogs of samples/catalogs
/// with it: its baselines refuse misspelled symbols and its 6.12 derive shows what left the catalog (issue 12, item 2).
/// </summary>
public sealed class DemoWithCatalogs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiFixture, Task<string>> Loaded = [];

    [Fact]
    public async Task The_demo_loads_every_decision_through_the_catalog_gate_and_lists_four_catalogs_without_problems()
    {
        var summary = await LoadedAsync();

        Assert.StartsWith("4 Kconfig catalogs, ", summary, StringComparison.Ordinal);
        var catalogs = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs");
        Assert.Equal(["6.1.192/arm64", "6.1.192/x86", "6.12.117/arm64", "6.12.117/x86"],
            catalogs.EnumerateArray().Select(c => $"{c.GetProperty("kernelVersion").GetString()}/{c.GetProperty("architecture").GetString()}").Order());
        Assert.All(catalogs.EnumerateArray(), c => Assert.Empty(c.GetProperty("problems").EnumerateArray()));
    }

    [Theory]
    [InlineData("arm64-6.12", "ARM64_PANN", "6.12.117/arm64")]
    [InlineData("arm64-6.1", "ARM64_PANN", "6.1.192/arm64")]
    [InlineData("amd64-6.1", "ARM64_PAN", "6.1.192/x86")]
    public async Task A_misspelled_or_foreign_symbol_on_a_demo_baseline_is_422_naming_its_catalog(string baseline, string symbol, string catalog)
    {
        await LoadedAsync();

        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", new { symbol, value = "y", rationale = "Typo." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(catalog, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_of_another_6_12_release_is_offered_the_6_12_117_catalog()
    {
        await LoadedAsync();
        var id = BaselineScenarios.NewId("arm64-6-12-5");
        (await api.Engineer.PostAsJsonAsync("/api/baselines", new { id, platform = "aarch64-qemu-virt", kernelVersion = "6.12.5", variant = "vendor" })).EnsureSuccessStatusCode();

        var typo = await api.Engineer.PostAsJsonAsync($"/api/baselines/{id}/decisions", new { symbol = "ARM64_PANN", value = "y", rationale = "Typo." });
        var known = await api.Engineer.PostAsJsonAsync($"/api/baselines/{id}/decisions", new { symbol = "ARM64_PAN", value = "y", rationale = "PAN." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, typo.StatusCode);
        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        Assert.Equal("6.12.117/arm64", (await known.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("catalog").GetString());
    }

    [Theory]
    [InlineData("SLAB")]
    [InlineData("RANDOM_TRUST_CPU")]
    public async Task The_symbols_gone_in_6_12_are_carried_forward_flagged_as_having_left_the_catalog(string symbol)
    {
        await LoadedAsync();

        var decision = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/arm64-6.12/decisions/{symbol}");

        Assert.True(decision.GetProperty("symbolMissing").GetBoolean());
        var left = decision.GetProperty("leftCatalog");
        Assert.Equal(("6.1.192/arm64", "6.12.117/arm64"), (left.GetProperty("from").GetString(), left.GetProperty("to").GetString()));
    }

    private Task<string> LoadedAsync() => Loaded.GetValue(api, _ => LoadAsync());

    private async Task<string> LoadAsync()
    {
        var keys = new Dictionary<string, string>
        {
            [Roles.Admin] = ApiFixture.AdminKey,
            [Roles.Engineer] = await KeyAsync("demo-engineer", Roles.Engineer),
            [Roles.Assessor] = await KeyAsync("demo-assessor", Roles.Assessor),
        };
        using var steps = new DemoSteps(api.KeylessClient(), keys, NullLogger.Instance);
        return await steps.LoadAsync(DemoData.Load(DemoData.SamplesDirectory()), CancellationToken.None);
    }

    private async Task<string> KeyAsync(string name, string role)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/keys", new { name, role, owner = name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
