using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Baselines;

public sealed class FreezingBaselines(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly object Reason = new { reason = "Submitted for assessment, release 2025.1" };

    [Fact]
    public async Task An_assessor_freezes_a_baseline_and_it_shows_as_frozen_with_a_new_etag()
    {
        var id = await api.CreateBaselineAsync();
        var response = await api.Assessor.PostAsJsonAsync($"/api/baselines/{id}/freeze", Reason);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var body = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}");
        Assert.True(body.GetProperty("frozen").GetBoolean());
        Assert.Equal("Submitted for assessment, release 2025.1", body.GetProperty("frozenReason").GetString());
    }

    [Fact]
    public async Task A_frozen_baseline_refuses_a_config_import_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync();
        await api.Assessor.PostAsJsonAsync($"/api/baselines/{id}/freeze", Reason);
        var before = await api.EventCountAsync();

        var response = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("frozen", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Freezing_twice_is_409()
    {
        var id = await api.CreateBaselineAsync();
        await api.Assessor.PostAsJsonAsync($"/api/baselines/{id}/freeze", Reason);
        Assert.Equal(HttpStatusCode.Conflict, (await api.Assessor2.PostAsJsonAsync($"/api/baselines/{id}/freeze", Reason)).StatusCode);
    }

    [Fact]
    public async Task An_engineer_cannot_freeze()
    {
        var id = await api.CreateBaselineAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.PostAsJsonAsync($"/api/baselines/{id}/freeze", Reason)).StatusCode);
    }

    [Fact]
    public async Task Freezing_without_a_reason_is_400_on_the_reason_field_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync();
        var before = await api.EventCountAsync();
        var response = await api.Assessor.PostAsJsonAsync($"/api/baselines/{id}/freeze", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Freezing_with_a_stale_if_match_is_412()
    {
        var id = await api.CreateBaselineAsync();
        await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/baselines/{id}/freeze") { Content = JsonContent.Create(Reason) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));

        var response = await api.Assessor.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt64());
        Assert.False((await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}")).GetProperty("frozen").GetBoolean());
    }

    [Fact]
    public async Task Freezing_an_unknown_baseline_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await api.Assessor.PostAsJsonAsync("/api/baselines/nope/freeze", Reason)).StatusCode);
}
