using System.Net;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Platforms;

namespace Traceability.Api.Tests.Catalogs;

public sealed class MatrixShowsTheCatalog(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly byte[] Tree = CatalogScenarios.CatalogTarball(
        ("Kconfig", "source \"arch/$(SRCARCH)/Kconfig\"\nconfig FUTEX\n\tbool \"Fast user-space mutexes\"\nconfig LOG_BUF_SHIFT\n\tint \"Kernel log buffer size, as a power of 2\"\n"),
        ("arch/arm64/Kconfig", "config ARM64_PAN\n\tbool \"Privileged Access Never, \\\"PAN\\\"\"\n"));

    [Fact]
    public async Task Matrix_rows_carry_the_catalogs_type_and_prompt_and_null_for_a_symbol_it_lacks()
    {
        var baseline = await ArrangeAsync("7.1.1");

        var rows = (await api.Viewer.MatrixAsync(baseline)).BySymbol();

        Assert.Equal("bool", rows["CONFIG_FUTEX"].GetProperty("type").GetString());
        Assert.Equal("Fast user-space mutexes", rows["CONFIG_FUTEX"].GetProperty("prompt").GetString());
        Assert.Equal("int", rows["CONFIG_LOG_BUF_SHIFT"].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, rows["CONFIG_VENDOR_ONLY"].GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows["CONFIG_VENDOR_ONLY"].GetProperty("prompt").ValueKind);
    }

    [Fact]
    public async Task Without_a_catalog_every_row_has_null_type_and_prompt()
    {
        var baseline = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: "7.1.9");
        (await api.ImportConfigAsync(baseline, MatrixScenarios.ConfigOf("7.1.9", ("FUTEX", "y")))).EnsureSuccessStatusCode();

        var futex = (await api.Viewer.MatrixAsync(baseline)).BySymbol()["CONFIG_FUTEX"];

        Assert.Equal(JsonValueKind.Null, futex.GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.Null, futex.GetProperty("prompt").ValueKind);
    }

    [Fact]
    public async Task The_matrix_as_of_a_seq_shows_the_same_type_and_prompt_as_the_live_one()
    {
        var baseline = await ArrangeAsync("7.1.2");
        var live = await api.Viewer.MatrixAsync(baseline);

        var history = await api.Viewer.MatrixAsync(baseline, $"?asOf={live.GetProperty("asOfPosition").GetInt64()}");

        Assert.Equal(live.GetProperty("rows").GetRawText(), history.GetProperty("rows").GetRawText());
        Assert.Equal("bool", history.BySymbol()["CONFIG_ARM64_PAN"].GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_csv_appends_type_and_prompt_as_its_last_two_columns_live_and_as_of_a_seq()
    {
        var baseline = await ArrangeAsync("7.1.3");
        var seq = (await api.Viewer.MatrixAsync(baseline)).GetProperty("asOfPosition").GetInt64();

        foreach (var query in new[] { "?format=csv", $"?format=csv&asOf={seq}" })
        {
            var records = Rfc4180.Parse(await api.Viewer.MatrixTextAsync(baseline, query));
            Assert.Equal(["lastPosition", "type", "prompt"], records[0].TakeLast(3));
            var pan = records.Single(r => r[0] == "CONFIG_ARM64_PAN");
            Assert.Equal(["bool", "Privileged Access Never, \"PAN\""], pan.TakeLast(2));
            Assert.Equal(["", ""], records.Single(r => r[0] == "CONFIG_VENDOR_ONLY").TakeLast(2));
        }
    }

    private async Task<string> ArrangeAsync(string version)
    {
        Assert.Equal(HttpStatusCode.Created,
            (await api.Admin.CatalogUploadAsync(Tree, $"kernelVersion={version}&architecture=arm64")).StatusCode);
        var baseline = await api.CreateBaselineAsync(Architectures.Arm64, kernelVersion: version);
        (await api.ImportConfigAsync(baseline, MatrixScenarios.ConfigOf(version, ("FUTEX", "y"), ("ARM64_PAN", "y"), ("LOG_BUF_SHIFT", "17"), ("VENDOR_ONLY", "y")))).EnsureSuccessStatusCode();
        await api.DecideAsync(baseline, "FUTEX", "y");
        await api.ApproveAsync(baseline, "FUTEX");
        return baseline;
    }
}
