using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Web.Tests;

/// <summary>
/// The forms the story does not pass through, each doing what its API operation does: create a baseline and
/// import its .config, propose, attach evidence, withdraw, draft an AoU, record and revise a requirement,
/// revise a feature, check a .config, compare two baselines, freeze.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class EveryFormDoesItsJob(WebFixture web)
{
    private static readonly byte[] Config = File.ReadAllBytes(Path.Combine(Repository.Root, "samples", "kernel-configs", "linux-6.1.arm64_none_arm64.config"));

    [Fact]
    public async Task An_engineer_creates_a_baseline_imports_its_config_proposes_attaches_evidence_and_withdraws()
    {
        await Arrange.BaselineAsync(web.Admin, "jobs-seed");
        using var engineer = await PageClient.SignedInAsync(web, "engineer-1");
        var created = await engineer.PostFormAsync("/baselines", "/", new() { ["id"] = "jobs-6.1", ["platform"] = "web-virt", ["kernelVersion"] = Arrange.KernelVersion, ["variant"] = "debian" });
        Assert.Equal("/baselines/jobs-6.1", created.Headers.Location?.OriginalString);
        var version = (await web.Admin.GetAsync("/api/baselines/jobs-6.1")).Headers.ETag!.Tag.Trim('"');
        var imported = await engineer.PostFileAsync("/baselines/jobs-6.1/config", "/baselines/jobs-6.1", new() { ["version"] = version }, "config", Config);
        Assert.Equal("/baselines/jobs-6.1?done=imported", imported.Headers.Location?.OriginalString);
        Assert.Contains("Rows 1–100 of 9598", await engineer.HtmlAsync("/baselines/jobs-6.1"), StringComparison.Ordinal);

        var proposed = await engineer.PostFormAsync("/baselines/jobs-6.1/propose", "/baselines/jobs-6.1/propose",
            new() { ["symbol"] = "CONFIG_SECCOMP", ["value"] = "y", ["rationale"] = "systemd sandboxing." });
        Assert.Equal("/baselines/jobs-6.1/decisions/SECCOMP?done=propose", proposed.Headers.Location?.OriginalString);
        const string decision = "/baselines/jobs-6.1/decisions/SECCOMP";
        await engineer.PostFormAsync(decision + "/evidence", decision, new() { ["version"] = "1", ["kind"] = "test", ["reference"] = "LTP seccomp01", ["outcome"] = "fail" });
        Assert.Contains("<span class=\"badge outcome-fail\">fail</span>", await engineer.HtmlAsync(decision), StringComparison.Ordinal);
        var withdrawn = await engineer.PostFormAsync(decision + "/withdraw", decision, new() { ["version"] = "2", ["reason"] = "Decided in another baseline." });
        Assert.Equal(decision + "?done=withdraw", withdrawn.Headers.Location?.OriginalString);
        Assert.Equal("withdrawn", (await DecisionAsync("jobs-6.1", "SECCOMP")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AoUs_requirements_and_features_are_drafted_recorded_and_revised_from_their_pages()
    {
        using var engineer = await PageClient.SignedInAsync(web, "engineer-1");
        var drafted = await engineer.PostFormAsync("/assumptions", "/assumptions", new() { ["category"] = "hardware", ["text"] = "The CPU implements FEAT_PAN." });
        Assert.Matches("^/assumptions/AOU-\\d{4}$", drafted.Headers.Location!.OriginalString);
        var recorded = await engineer.PostFormAsync("/requirements", "/requirements", new() { ["id"] = "jobs-req", ["title"] = "Isolation", ["text"] = "Keep user and kernel apart.", ["kind"] = "goal" });
        Assert.Equal("/requirements/jobs-req", recorded.Headers.Location?.OriginalString);
        var revised = await engineer.PostFormAsync("/requirements/jobs-req/revise", "/requirements/jobs-req", new() { ["version"] = "1", ["title"] = "Isolation", ["text"] = "Keep them apart.", ["reason"] = "shorter" });
        Assert.Contains("Revision r2 saved. It marked <strong>0</strong> decision(s) suspect.", await revised.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await web.Admin.PostAsJsonAsync("/api/hardware-features", new
        {
            id = "jobs-bti", name = "BTI", architecture = "arm64", protectsAgainst = "JOP", description = "", governingSymbols = new List<string>(), availability = new Dictionary<string, string>(),
        })).EnsureSuccessStatusCode();
        var feature = await engineer.PostFormAsync("/features/jobs-bti/revise", "/features/jobs-bti",
            new() { ["version"] = "1", ["protectsAgainst"] = "JOP", ["governingSymbols"] = "ARM64_BTI_KERNEL", ["availability"] = "web-virt=available", ["reason"] = "symbol named" });
        Assert.Contains("Revision r2 saved.", await feature.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bti = await web.Admin.GetFromJsonAsync<JsonElement>("/api/hardware-features/jobs-bti");
        Assert.Equal("ARM64_BTI_KERNEL", bti.GetProperty("governingSymbols")[0].GetString());
    }

    [Fact]
    public async Task Anyone_checks_a_config_and_compares_baselines_and_an_assessor_freezes()
    {
        await Arrange.BaselineAsync(web.Admin, "jobs-check");
        using var viewer = await PageClient.SignedInAsync(web, "viewer-1");
        var checkedConfig = await viewer.PostFileAsync("/check", "/check", new() { ["baseline"] = "jobs-check" }, "config", Config);
        var report = await checkedConfig.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, checkedConfig.StatusCode);
        Assert.Matches("<h2 id=\"verdict\" class=\"verdict (pass|fail)\">(PASS|FAIL)</h2>", report);
        Assert.Contains("9598 symbols", report, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 removed, 0 changed", await viewer.HtmlAsync("/diff?a=jobs-check&b=jobs-check"), StringComparison.Ordinal);

        using var engineer = await PageClient.SignedInAsync(web, "engineer-1");
        Assert.Contains("/baselines/jobs-check/propose", await engineer.HtmlAsync("/baselines/jobs-check"), StringComparison.Ordinal);
        using var assessor = await PageClient.SignedInAsync(web, "assessor-1");
        var version = (await web.Admin.GetAsync("/api/baselines/jobs-check")).Headers.ETag!.Tag.Trim('"');
        var frozen = await assessor.PostFormAsync("/baselines/jobs-check/freeze", "/baselines/jobs-check", new() { ["version"] = version, ["reason"] = "Submitted." });
        Assert.Equal("/baselines/jobs-check?done=frozen", frozen.Headers.Location?.OriginalString);
        Assert.True((await web.Admin.GetFromJsonAsync<JsonElement>("/api/baselines/jobs-check")).GetProperty("frozen").GetBoolean());
        // The page before the freeze remembered the baseline; the freeze moved the log's head, so it is read again.
        var after = await engineer.HtmlAsync("/baselines/jobs-check");
        Assert.DoesNotContain("/baselines/jobs-check/propose", after, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge frozen\">frozen</span> Submitted.", after, StringComparison.Ordinal);
    }

    private async Task<JsonElement> DecisionAsync(string baseline, string symbol) =>
        await web.Admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{baseline}/decisions/{symbol}");
}
