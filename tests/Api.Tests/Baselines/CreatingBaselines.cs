using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Baselines;

public sealed class CreatingBaselines(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_created_baseline_answers_201_with_location_and_etag_and_reads_back()
    {
        var platform = await api.RegisterPlatformAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines",
            new { id = "arm64-6.1", platform, kernelVersion = "6.1.192", variant = "debian" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/baselines/arm64-6.1", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var read = await api.Viewer.GetAsync("/api/baselines/arm64-6.1");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((platform, "6.1.192", "debian"), (body.GetProperty("platform").GetString(),
            body.GetProperty("kernelVersion").GetString(), body.GetProperty("variant").GetString()));
        Assert.False(body.GetProperty("frozen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("latestImport").ValueKind);
    }

    [Fact]
    public async Task The_list_shows_each_baseline_with_its_latest_import()
    {
        var id = await api.CreateBaselineAsync();
        await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);

        var list = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/baselines");
        var listed = list.EnumerateArray().Single(b => b.GetProperty("id").GetString() == id);
        var import = listed.GetProperty("latestImport");
        Assert.Equal((1, "arm64", SampleConfigs.Values(SampleConfigs.Arm64_6_1).Count), (import.GetProperty("revision").GetInt32(),
            import.GetProperty("architecture").GetString(), import.GetProperty("symbols").GetInt32()));
        Assert.False(listed.TryGetProperty("values", out _));
    }

    [Fact]
    public async Task Without_a_key_creating_is_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.PostAsJsonAsync("/api/baselines", new { id = "x" })).StatusCode);

    [Fact]
    public async Task A_viewer_cannot_create_a_baseline()
    {
        var platform = await api.RegisterPlatformAsync();
        var response = await api.Viewer.PostAsJsonAsync("/api/baselines", new { id = "viewer-made", platform, kernelVersion = "6.1", variant = "v" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Bad_fields_are_400_naming_each_field_and_write_nothing()
    {
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines",
            new { id = "Not A Slug", platform = "", kernelVersion = "six", variant = "a\u0001b" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "id", "platform", "kernelVersion", "variant" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task An_unknown_platform_is_400_on_the_platform_field()
    {
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines",
            new { id = "orphan", platform = "no-such-platform", kernelVersion = "6.1.192", variant = "debian" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("no-such-platform", errors.GetProperty("platform")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Creating_an_existing_baseline_again_is_409()
    {
        var id = await api.CreateBaselineAsync();
        var platform = (await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{id}")).GetProperty("platform").GetString();
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines", new { id, platform, kernelVersion = "6.1.192", variant = "debian" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_baseline_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/no-such-baseline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/no-such-baseline/config")).StatusCode);
    }
}
