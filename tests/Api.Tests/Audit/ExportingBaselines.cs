using System.Net;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests.Audit;

public sealed class ExportingBaselines(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_export_is_a_zip_of_the_fixed_files_named_after_the_baseline_and_position()
    {
        var small = await api.SmallMatrixAsync();
        var response = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/audit-export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var zip = await response.Content.ReadAsByteArrayAsync();
        var manifest = Manifest(zip);
        var seq = manifest.GetProperty("asOf").GetProperty("position").GetInt64();
        Assert.Equal($"{small.Baseline}-audit-{seq}.zip", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(["manifest.json", "matrix.csv", "matrix.json", "decisions.json", "assumptions.json", "hardware-features.json",
            "requirements.json", "evidence.json", "events.jsonl", "report.html", "manifest.sig"], AuditExportScenarios.AuditEntries(zip).Select(e => e.Name));
        Assert.Equal(small.Baseline, manifest.GetProperty("baseline").GetProperty("id").GetString());
        Assert.Equal(1, manifest.GetProperty("events").GetProperty("first").GetInt64());
        Assert.Equal(seq, manifest.GetProperty("events").GetProperty("last").GetInt64());
        Assert.Equal(9, manifest.GetProperty("files").GetArrayLength());
        Assert.StartsWith("traceability", manifest.GetProperty("generator").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.True(AuditExportScenarios.AuditVerify(zip).Valid);
    }

    [Fact]
    public async Task The_export_holds_every_position_up_to_the_head_and_its_chain_head()
    {
        var small = await api.SmallMatrixAsync();
        var zip = await api.Viewer.AuditExportAsync(small.Baseline);
        var lines = Entry(zip, "events.jsonl").TrimEnd('\n').Split('\n');
        var last = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.Equal(lines.Length, last.GetProperty("position").GetInt64());
        Assert.Equal(Manifest(zip).GetProperty("chain").GetProperty("head").GetString(), last.GetProperty("link").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", last.GetProperty("chainedAt").GetString());
        var chain = JsonDocument.Parse(await api.Viewer.GetStringAsync("/api/events/verify")).RootElement;
        Assert.True(chain.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Decisions_carry_their_whole_history_and_the_links_their_referenced_items()
    {
        var small = await api.SmallMatrixAsync();
        var zip = await api.Viewer.AuditExportAsync(small.Baseline);
        var decisions = JsonDocument.Parse(Entry(zip, "decisions.json")).RootElement.GetProperty("decisions").EnumerateArray()
            .ToDictionary(d => d.GetProperty("symbol").GetString()!);
        var futex = decisions["CONFIG_FUTEX"].GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["decision_proposed", "decision_approved", "evidence_attached"], futex.Select(h => h.GetProperty("type").GetString()));
        Assert.Equal("assessor-1", futex[1].GetProperty("actor").GetString());
        Assert.Equal("assessor", futex[1].GetProperty("role").GetString());
        Assert.Equal("not needed", decisions["CONFIG_STAGING"].GetProperty("history")[1].GetProperty("reason").GetString());
        Assert.Contains(small.Assumption, Entry(zip, "assumptions.json"), StringComparison.Ordinal);
        Assert.Contains(small.Feature, Entry(zip, "hardware-features.json"), StringComparison.Ordinal);
        Assert.Contains("LTP futex_wait01", Entry(zip, "evidence.json"), StringComparison.Ordinal);
        Assert.Contains("CONFIG_FUTEX,y,y,approved", Entry(zip, "matrix.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_asOf_gives_the_same_bytes_even_after_new_events()
    {
        var small = await api.SmallMatrixAsync();
        var first = await api.Viewer.AuditExportAsync(small.Baseline);
        var seq = Manifest(first).GetProperty("asOf").GetProperty("position").GetInt64();
        Assert.Equal(first, await api.Viewer.AuditExportAsync(small.Baseline));
        var other = await api.CreateBaselineAsync();
        await api.DecideAsync(small.Baseline, "LOG_BUF_SHIFT", "17");
        Assert.Equal(first, await api.Assessor.AuditExportAsync(small.Baseline, $"?asOf={seq}"));
        Assert.NotEqual(first, await api.Viewer.AuditExportAsync(small.Baseline));
        Assert.NotEmpty(other);
    }

    [Fact]
    public async Task An_export_as_of_a_moment_equals_the_live_export_taken_then()
    {
        var baseline = await api.CreateBaselineAsync();
        (await api.ImportConfigAsync(baseline, MatrixScenarios.Config(("FUTEX", "y"), ("SECCOMP", "y")))).EnsureSuccessStatusCode();
        await api.DecideAsync(baseline, "FUTEX", "y");
        var live = await api.Viewer.AuditExportAsync(baseline);
        var time = Manifest(live).GetProperty("asOf").GetProperty("time").GetString();
        await api.ApproveAsync(baseline, "FUTEX");
        await api.DecideAsync(baseline, "SECCOMP", "n");
        Assert.Equal(live, await api.Viewer.AuditExportAsync(baseline, $"?asOf={Uri.EscapeDataString(time!)}"));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_problems()
    {
        var small = await api.SmallMatrixAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/api/baselines/{small.Baseline}/audit-export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/no-such-baseline/audit-export")).StatusCode);
        var bad = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/audit-export?asOf=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("asOf", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooEarly = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/audit-export?asOf=1");
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("did not exist yet", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/events/verify")).StatusCode);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var refused = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/audit-export?asOf={future}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("in the future", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static JsonElement Manifest(byte[] zip) => JsonDocument.Parse(Entry(zip, "manifest.json")).RootElement.Clone();

    internal static string Entry(byte[] zip, string name) =>
        Encoding.UTF8.GetString(AuditExportScenarios.AuditEntries(zip).Single(e => e.Name == name).Content);
}
