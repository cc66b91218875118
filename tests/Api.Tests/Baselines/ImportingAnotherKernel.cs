using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Baselines;

/// <summary>A .config whose header names another kernel series is refused unless forced with a reason (issue 12, item 3).</summary>
public sealed class ImportingAnotherKernel(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_config_of_another_kernel_series_is_409_naming_both_versions_and_how_to_force_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync(kernelVersion: "6.1.192");
        var before = await api.EventCountAsync();

        var response = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_12);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("6.12.117", detail, StringComparison.Ordinal);
        Assert.Contains("6.1.192", detail, StringComparison.Ordinal);
        Assert.Contains("force", detail, StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_config_of_another_kernel_series_forced_with_a_reason_is_imported_and_the_reason_recorded()
    {
        var id = await api.CreateBaselineAsync(kernelVersion: "6.1.192");

        var response = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_12, query: BaselineScenarios.ForcedSeries);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("6.12.117", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kernelVersion").GetString());
        Assert.Contains("(forced: Comparing the 6.12 config with 6.1 on purpose)", await LastReasonAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_import_is_forced_by_its_form_fields()
    {
        var id = await api.CreateBaselineAsync(kernelVersion: "6.1.192");
        using var form = BaselineScenarios.ConfigForm(SampleConfigs.Bytes(SampleConfigs.Arm64_6_12), ("force", "true"), ("forceReason", "Vendor kernel."));

        var response = await api.Engineer.PutAsync($"/api/baselines/{id}/config", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("?force=true", "forceReason")]
    [InlineData("?force=true&forceReason=%20", "forceReason")]
    [InlineData("?force=maybe&forceReason=x", "force")]
    public async Task Forcing_without_a_reason_is_400_naming_the_field_and_writes_nothing(string query, string field)
    {
        var id = await api.CreateBaselineAsync(kernelVersion: "6.1.192");
        var before = await api.EventCountAsync();

        var response = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_12, query: query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    private async Task<string> LastReasonAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT headers->>'reason' FROM traceability.mt_events ORDER BY seq_id DESC LIMIT 1", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
