using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests.Baselines;

public sealed class ImportingConfigs(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Importing_6_12_over_6_1_reports_the_same_changes_as_an_independent_count()
    {
        var id = await api.CreateBaselineAsync();
        var first = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);
        var second = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_12, query: BaselineScenarios.ForcedSeries + "&names=true");

        var (old, current) = (SampleConfigs.Values(SampleConfigs.Arm64_6_1), SampleConfigs.Values(SampleConfigs.Arm64_6_12));
        var added = current.Keys.Except(old.Keys).Order(StringComparer.Ordinal).ToArray();
        var removed = old.Keys.Except(current.Keys).Order(StringComparer.Ordinal).ToArray();
        var changed = current.Keys.Where(k => old.TryGetValue(k, out var v) && v != current[k]).ToArray();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("\"3\"", second.Headers.ETag?.Tag);
        var report = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, "6.12.117", current.Count, false), (report.GetProperty("revision").GetInt32(),
            report.GetProperty("kernelVersion").GetString(), report.GetProperty("symbols").GetInt32(), report.GetProperty("unchanged").GetBoolean()));
        Assert.Equal(added, report.GetProperty("added").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(added.Length, report.GetProperty("added").GetProperty("count").GetInt32());
        Assert.Equal(removed, report.GetProperty("removed").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(changed.Length, report.GetProperty("changed").GetProperty("count").GetInt32());
        var item = report.GetProperty("changed").GetProperty("items")[0];
        var symbol = item.GetProperty("symbol").GetString()!;
        Assert.Equal((old[symbol], current[symbol]), (item.GetProperty("old").GetString(), item.GetProperty("new").GetString()));
    }

    [Fact]
    public async Task The_first_import_counts_every_symbol_as_added_without_echoing_their_names()
    {
        var id = await api.CreateBaselineAsync();
        var report = await (await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1)).Content.ReadFromJsonAsync<JsonElement>();
        var count = SampleConfigs.Values(SampleConfigs.Arm64_6_1).Count;
        Assert.Equal((count, 0, 0), (report.GetProperty("added").GetProperty("count").GetInt32(),
            report.GetProperty("removed").GetProperty("count").GetInt32(), report.GetProperty("changed").GetProperty("count").GetInt32()));
        Assert.False(report.GetProperty("added").TryGetProperty("symbols", out _));
        Assert.False(report.GetProperty("changed").TryGetProperty("items", out _));
    }

    [Fact]
    public async Task Re_importing_the_identical_file_is_200_unchanged_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync();
        await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);
        var before = await api.EventCountAsync();

        var again = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("\"2\"", again.Headers.ETag?.Tag);
        var report = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("unchanged").GetBoolean());
        Assert.Equal(1, report.GetProperty("revision").GetInt32());
        Assert.Equal(0, report.GetProperty("added").GetProperty("count").GetInt32());
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_config_with_three_bad_lines_is_422_listing_all_three_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync();
        var lines = File.ReadAllLines(Path.Combine(SampleConfigs.Directory, SampleConfigs.Arm64_6_1));
        (lines[9], lines[99], lines[999]) = ("CONFIG_NOT_A_REAL_SYMBOL=yes please", "this is not a config line", "CONFIG_BAD-NAME=y");
        var before = await api.EventCountAsync();

        var response = await api.ImportConfigAsync(id, Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems");
        Assert.Equal([10, 100, 1000], problems.EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task An_amd64_config_does_not_fit_an_arm64_platform_baseline()
    {
        var id = await api.CreateBaselineAsync();
        var before = await api.EventCountAsync();
        var response = await api.ImportConfigAsync(id, SampleConfigs.Amd64_6_1);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task An_amd64_config_fits_an_x86_64_platform_baseline() =>
        Assert.Equal(HttpStatusCode.Created, (await api.ImportConfigAsync(await api.CreateBaselineAsync("x86_64"), SampleConfigs.Amd64_6_1)).StatusCode);

    [Fact]
    public async Task A_multipart_upload_imports_like_a_text_body()
    {
        var id = await api.CreateBaselineAsync();
        using var form = BaselineScenarios.ConfigForm(SampleConfigs.Bytes(SampleConfigs.Arm64_6_1));
        var response = await api.Engineer.PutAsync($"/api/baselines/{id}/config", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);
        Assert.True((await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unchanged").GetBoolean());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/octet-stream")]
    public async Task Other_content_types_are_415(string contentType)
    {
        var id = await api.CreateBaselineAsync();
        var body = new ByteArrayContent(SampleConfigs.Bytes(SampleConfigs.Arm64_6_1));
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = await api.Engineer.PutAsync($"/api/baselines/{id}/config", body);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync();
        var before = await api.EventCountAsync();
        var huge = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("# padding comment line\n", 9 * 1024 * 1024 / 23 + 1)));

        var response = await api.ImportConfigAsync(id, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Importing_with_a_stale_if_match_is_412()
    {
        var id = await api.CreateBaselineAsync();
        await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1);
        var body = new ByteArrayContent(SampleConfigs.Bytes(SampleConfigs.Arm64_6_12));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/baselines/{id}/config") { Content = body };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await api.Engineer.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Importing_needs_an_engineer_and_a_known_baseline()
    {
        var id = await api.CreateBaselineAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1, api.Viewer)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1, api.Anonymous)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.ImportConfigAsync("no-such-baseline", SampleConfigs.Arm64_6_1)).StatusCode);
    }
}
