using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Decisions;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

public sealed class DerivingAcrossCatalogs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Timer = "\thelp\n\t  Use the legacy timer driver for the platform\n\t  clock source, selected on old boards.\n";

    private static readonly byte[] Old = CatalogScenarios.CatalogTarball(("Kconfig", """
        config FUTEX
        	bool "Fast user-space mutexes"
        config OLD_NAME
        	bool "Frobnicate the widgets"
        	help
        	  Enables frobnication of widgets on boot.
        config GONE_TEXT
        	bool "Legacy timer"

        """ + Timer + """
        config VANISHED
        	bool "Nothing like it"
        	help
        	  Totally unique xyzzy text.

        """));

    private static readonly byte[] New = CatalogScenarios.CatalogTarball(("Kconfig", """
        config FUTEX
        	bool "Fast user-space mutexes"
        config NEW_NAME
        	bool "Frobnicate  the WIDGETS"
        	help
        	  A new home.
        config OTHER_FROB
        	bool "Frobnicate widgets"
        	help
        	  Enables frobnication of widgets
        	  on boot.
        config TIMER_LEGACY
        	bool "Legacy platform timer"

        """ + Timer + """
        config UNRELATED
        	bool "Something else"

        """));

    [Fact]
    public async Task Decisions_whose_symbol_left_the_catalog_are_reported_with_rename_suggestions_and_evidence()
    {
        var (source, target) = await ArrangeAsync("7.2.1", "7.2.2");

        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = target, kernelVersion = "7.2.2" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var left = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftCatalog").EnumerateArray()
            .ToDictionary(l => l.GetProperty("symbol").GetString()!);
        Assert.Equal(["GONE_TEXT", "OLD_NAME", "VANISHED"], left.Keys);
        Assert.Equal(("7.2.1/arm64", "7.2.2/arm64"), (left["OLD_NAME"].GetProperty("fromCatalog").GetString(), left["OLD_NAME"].GetProperty("toCatalog").GetString()));
        var renamed = Suggestions(left["OLD_NAME"]);
        Assert.Equal(["NEW_NAME", "OTHER_FROB"], renamed.Select(s => s.GetProperty("symbol").GetString()));
        Assert.Equal(("prompt", 1.0), (renamed[0].GetProperty("match").GetString(), renamed[0].GetProperty("score").GetDouble()));
        Assert.Equal(("text", 0.88), (renamed[1].GetProperty("match").GetString(), renamed[1].GetProperty("score").GetDouble()));
        Assert.Contains("enables frobnication of widgets on boot.", renamed[1].GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("TIMER_LEGACY", Assert.Single(Suggestions(left["GONE_TEXT"])).GetProperty("symbol").GetString());
        Assert.Empty(Suggestions(left["VANISHED"]));
    }

    [Fact]
    public async Task The_flag_is_an_event_on_the_carried_decision_appended_with_the_derive_and_the_matrix_is_unchanged_by_it()
    {
        var (source, target) = await ArrangeAsync("7.2.3", "7.2.4");

        (await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = target, kernelVersion = "7.2.4" })).EnsureSuccessStatusCode();

        var events = await api.DecisionEventsAsync(target, "OLD_NAME");
        Assert.IsType<DecisionCarriedForward>(events[0].Data);
        var flagged = Assert.IsType<DecisionSymbolLeftCatalog>(events[1].Data);
        Assert.Equal("NEW_NAME", flagged.Suggestions[0].Symbol);
        Assert.Single(await api.DecisionEventsAsync(target, "FUTEX"));
        var live = await api.Viewer.MatrixAsync(target);
        Assert.Equal("y", live.BySymbol()["CONFIG_OLD_NAME"].GetProperty("decidedValue").GetString());
        var history = await api.Viewer.MatrixAsync(target, $"?asOf={live.GetProperty("asOfPosition").GetInt64()}");
        Assert.Equal(live.GetProperty("rows").GetRawText(), history.GetProperty("rows").GetRawText());
    }

    [Fact]
    public async Task Without_a_catalog_for_the_new_kernel_nothing_is_reported()
    {
        var (source, target) = await ArrangeAsync("7.2.5", null);

        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = target, kernelVersion = "7.2.6" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftCatalog").EnumerateArray());
        Assert.Single(await api.DecisionEventsAsync(target, "OLD_NAME"));
    }

    private static List<JsonElement> Suggestions(JsonElement left) => left.GetProperty("suggestions").EnumerateArray().ToList();

    private async Task<(string Source, string Target)> ArrangeAsync(string from, string? to)
    {
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(Old, $"kernelVersion={from}&architecture=arm64")).StatusCode);
        if (to is not null)
            Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(New, $"kernelVersion={to}&architecture=arm64")).StatusCode);
        var source = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: from);
        foreach (var symbol in new[] { "FUTEX", "OLD_NAME", "GONE_TEXT", "VANISHED" }) await api.DecideAsync(source, symbol, "y");
        return (source, BaselineScenarios.NewId("derived"));
    }
}
