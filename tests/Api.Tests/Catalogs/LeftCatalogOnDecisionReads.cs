using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

public sealed class LeftCatalogOnDecisionReads(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Old = CatalogScenarios.CatalogTarball(("Kconfig", """
        config FUTEX
        	bool "Fast user-space mutexes"
        config OLD_NAME
        	bool "Frobnicate the widgets"
        config GONE
        	bool "Nothing like it"

        """));

    private static readonly byte[] New = CatalogScenarios.CatalogTarball(("Kconfig", """
        config FUTEX
        	bool "Fast user-space mutexes"
        config NEW_NAME
        	bool "Frobnicate the widgets"

        """));

    [Fact]
    public async Task A_carried_decision_whose_symbol_left_the_catalog_shows_where_from_where_to_and_the_suggestions()
    {
        var (source, target) = await DeriveAsync("7.7.1", "7.7.2");

        var left = (await DetailAsync(target, "OLD_NAME")).GetProperty("leftCatalog");

        Assert.Equal(("7.7.1/arm64", "7.7.2/arm64"), (left.GetProperty("from").GetString(), left.GetProperty("to").GetString()));
        var suggestion = Assert.Single(left.GetProperty("suggestions").EnumerateArray());
        Assert.Equal(("NEW_NAME", "prompt"), (suggestion.GetProperty("symbol").GetString(), suggestion.GetProperty("match").GetString()));
        Assert.Empty((await DetailAsync(target, "GONE")).GetProperty("leftCatalog").GetProperty("suggestions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(target, "FUTEX")).GetProperty("leftCatalog").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(source, "OLD_NAME")).GetProperty("leftCatalog").ValueKind);
    }

    [Fact]
    public async Task The_decision_list_flags_the_decisions_whose_symbol_left_the_catalog()
    {
        var (_, target) = await DeriveAsync("7.7.3", "7.7.4");

        var list = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{target}/decisions");

        Assert.Equal(
            [("FUTEX", false), ("GONE", true), ("OLD_NAME", true)],
            list.EnumerateArray().Select(d => (d.GetProperty("symbol").GetString(), d.GetProperty("leftCatalog").GetBoolean()))
                .OrderBy(d => d.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_revision_clears_the_report_and_a_withdrawal_keeps_it()
    {
        var (_, target) = await DeriveAsync("7.7.5", "7.7.6");

        var revised = await api.ReviseValueAsync(target, "OLD_NAME", "n");
        var withdrawn = await api.Engineer.PostAsJsonAsync($"/api/baselines/{target}/decisions/GONE/withdraw", new { reason = "gone in 7.7.6" });

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftCatalog").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(target, "OLD_NAME")).GetProperty("leftCatalog").ValueKind);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("7.7.6/arm64", (await DetailAsync(target, "GONE")).GetProperty("leftCatalog").GetProperty("to").GetString());
    }

    private Task<JsonElement> DetailAsync(string baseline, string symbol) =>
        api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{baseline}/decisions/{symbol}");

    private async Task<(string Source, string Target)> DeriveAsync(string from, string to)
    {
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(Old, $"kernelVersion={from}&architecture=arm64")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(New, $"kernelVersion={to}&architecture=arm64")).StatusCode);
        var source = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: from);
        foreach (var symbol in new[] { "FUTEX", "OLD_NAME", "GONE" }) await api.DecideAsync(source, symbol, "y");
        var target = BaselineScenarios.NewId("derived");
        var derived = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = target, kernelVersion = to });
        Assert.Equal(HttpStatusCode.Created, derived.StatusCode);
        return (source, target);
    }
}
