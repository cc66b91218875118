using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests.Conformance;

/// <summary>The check over HTTP: who may call it, what bodies it reads, how it answers; every call asserts it wrote nothing.</summary>
public sealed class CheckRequests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Sample = SampleConfigs.Arm64_6_1;

    [Fact]
    public async Task A_viewer_key_may_run_a_check_and_no_key_is_401()
    {
        var baseline = await api.BaselineWithRealConfigAsync();

        var viewer = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), client: api.Viewer);
        var anonymous = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), client: api.Anonymous);

        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_unknown_baseline_is_404()
    {
        var response = await api.CheckAsync("no-such-baseline", SampleConfigs.Bytes(Sample));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_json_body_is_415()
    {
        var baseline = await api.BaselineWithRealConfigAsync();

        var response = await api.CheckAsync(baseline, JsonContent.Create(new { config = "CONFIG_FUTEX=y" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_import_size_cap_is_413()
    {
        var baseline = await api.BaselineWithRealConfigAsync();

        var response = await api.CheckAsync(baseline, new byte[9 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Garbage_is_422_listing_every_bad_line_by_number()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        var lines = File.ReadAllLines(Path.Combine(SampleConfigs.Directory, Sample));
        (lines[9], lines[99]) = ("this is not a config line", "CONFIG_FUTEX=maybe");

        var response = await api.CheckAsync(baseline, Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems");
        Assert.Equal([10, 100], problems.EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task A_multipart_upload_gives_the_same_report_as_a_text_body()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");
        var bytes = ConformanceScenarios.RealConfigWith(Sample, "FUTEX", "m");

        var text = await api.CheckReportAsync(baseline, bytes);
        var multipart = await api.CheckAsync(baseline, BaselineScenarios.ConfigForm(bytes));

        Assert.Equal(HttpStatusCode.OK, multipart.StatusCode);
        var report = await multipart.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(text.GetProperty("summary").GetString(), report.GetProperty("summary").GetString());
        Assert.StartsWith("FAIL", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_format_answers_the_summary_line_then_one_line_per_failure_and_the_undecided_symbols_on_request()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");
        await api.CheckedDecisionAsync(baseline, "ARM64_PAN", "y");
        var bytes = Encoding.UTF8.GetBytes("# Linux/arm64 6.1.192 Kernel Configuration\nCONFIG_FUTEX=m\nCONFIG_EXT4_FS=y\n");

        var response = await api.CheckAsync(baseline, bytes, "?format=text&listUndecided=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith($"FAIL {baseline}: 1 deviation, 1 missing, 1 undecided y/m of 2 symbols (sha256 ", lines[0], StringComparison.Ordinal);
        Assert.Equal([
            "deviation CONFIG_FUTEX: decided y, actual m — FUTEX=y is what the safety case assumes.",
            "missing CONFIG_ARM64_PAN: decided y, absent from the file — ARM64_PAN=y is what the safety case assumes.",
            "undecided CONFIG_EXT4_FS",
        ], lines[1..]);
    }

    [Fact]
    public async Task An_unknown_format_is_400()
    {
        var baseline = await api.BaselineWithRealConfigAsync();

        var response = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), "?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
