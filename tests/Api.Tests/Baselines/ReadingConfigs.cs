using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests.Baselines;

public sealed class ReadingConfigs(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_config_reads_back_as_text_that_re_imports_to_the_same_values()
    {
        var id = await api.CreateBaselineAsync();
        var sha = (await (await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString();

        var response = await api.Viewer.GetAsync($"/api/baselines/{id}/config");
        Assert.Equal($"\"{sha}\"", response.Headers.ETag?.Tag);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsByteArrayAsync();
        Assert.Contains("# CONFIG_", Encoding.UTF8.GetString(text), StringComparison.Ordinal);

        var report = await (await api.ImportConfigAsync(id, text)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 0, 0, 0), (report.GetProperty("revision").GetInt32(), report.GetProperty("added").GetProperty("count").GetInt32(),
            report.GetProperty("removed").GetProperty("count").GetInt32(), report.GetProperty("changed").GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task An_unchanged_config_is_304_for_a_matching_if_none_match()
    {
        var id = await api.CreateBaselineAsync();
        await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);
        var etag = (await api.Viewer.GetAsync($"/api/baselines/{id}/config")).Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/baselines/{id}/config");
        request.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await api.Viewer.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_baseline_without_an_import_has_no_config_to_read()
    {
        var id = await api.CreateBaselineAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync($"/api/baselines/{id}/config")).StatusCode);
    }

    [Fact]
    public async Task Reading_the_config_needs_a_key() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/baselines/any/config")).StatusCode);
}
