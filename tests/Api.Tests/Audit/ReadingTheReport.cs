using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Traceability.Api.Catalogs;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Audit;

/// <summary>
/// What an assessor reads in report.html (issue 12, item 7): the assumptions' texts and status, every evidence
/// outcome, reconfirmations with their reasons, why a decision is suspect, and every undocumented symbol grouped.
/// </summary>
public sealed partial class ReadingTheReport(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_report_shows_assumptions_evidence_reconfirmations_and_the_change_that_made_a_decision_suspect()
    {
        var baseline = await api.CreateBaselineAsync();
        string[] usb = ["USB_ACM", "USB_NET_AX8817X", "USB_SERIAL", "USB_STORAGE", "USB_UAS", "USB_XHCI_HCD"];
        (await api.ImportConfigAsync(baseline, MatrixScenarios.Config([("ARM64_MTE", "y"), ("ARM64_BTI", "y"), ("SECCOMP", "y"), ("ZRAM", "m"),
            .. usb.Select(s => (s, "m"))]))).EnsureSuccessStatusCode();
        var revised = await api.SuspectDecisionAsync(baseline, "ARM64_MTE", "y", "The <first> SoC lacks FEAT_MTE2 & so does QEMU without mte=on.");
        await api.SuspectDecisionAsync(baseline, "ARM64_BTI", "y", "Second SoC dropped.");
        (await api.Assessor.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/decisions/ARM64_BTI/reconfirm",
            new { reason = "BTI does not rest on MTE: checked on both SoCs." }, null)).EnsureSuccessStatusCode();
        var agreed = await api.DraftAssumptionAsync("Userspace runs at EL0 only.");
        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{agreed}/accept", new { reason = "Agreed." })).EnsureSuccessStatusCode();
        await api.DecideAsync(baseline, "SECCOMP", "y", assumptions: [agreed], rationale: "Filters syscalls of untrusted workloads.");
        await Evidence(baseline, "ARM64_MTE", "fail", "kselftest arm64/mte on the first SoC");
        await Evidence(baseline, "ARM64_MTE", "inconclusive", "kselftest arm64/mte under TCG");

        var zip = await api.Viewer.AuditExportAsync(baseline);
        var html = ExportingBaselines.Entry(zip, "report.html");
        var text = Text(html);

        Assert.True(AuditExportScenarios.AuditVerify(zip).Valid);
        Assert.Contains($"{agreed} r1 last change position", text, StringComparison.Ordinal);
        Assert.Matches($@"{agreed} r1 last change position \d+ agreed environment Userspace runs at EL0 only\.", text);
        Assert.Matches($@"{revised} r2 last change position \d+ draft platform FEAT_MTE2 is not assumed\.", text);
        Assert.Contains("Evidence: 2 (fail 1, inconclusive 1)", text, StringComparison.Ordinal);
        Assert.Matches(@"E1 test fail kselftest arm64/mte on the first SoC", text);
        Assert.Matches(@"E2 test inconclusive kselftest arm64/mte under TCG", text);
        Assert.Matches(@"CONFIG_ARM64_BTI r1 by assessor-1 \(assessor\), \S+, position \d+ BTI does not rest on MTE: checked on both SoCs\. aou/AOU-\d+ revised \(r2\)", text);
        Assert.Matches($@"CONFIG_ARM64_MTE approved r1 = y by engineer-1 \(engineer\), \S+, position \d+ aou/{revised} revised \(r2\)", text);
        Assert.Matches($@"aou/{revised} revised \(r2\) 1 suspect here assumption_revised by engineer-1 \(engineer\), \S+, position \d+ "
            + @"reason: The <first> SoC lacks FEAT_MTE2 & so does QEMU without mte=on\. now reads: FEAT_MTE2 is not assumed\.", text);
        Assert.Contains("The &lt;first&gt; SoC lacks FEAT_MTE2 &amp; so does", html, StringComparison.Ordinal);
        Assert.Contains("grouped by the first word of their name, as the log holds no Kconfig catalog", text, StringComparison.Ordinal);
        Assert.Contains("name prefix symbols share USB_ 6 85.71 % (other name prefixes) 1 14.29 %", text, StringComparison.Ordinal);
        Assert.Contains($"USB_: 6 symbols {string.Join(" ", usb.Select(s => s + "=m"))} (other name prefixes): 1 symbol ZRAM=m", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_kernels_catalog_in_the_log_every_undocumented_symbol_is_listed_by_Kconfig_menu_and_directory()
    {
        (await UploadCatalogAsync("9.9.1", "arm64",
            Symbol("USB_ACM", "drivers/usb/class/Kconfig:10", "Device Drivers > USB support"),
            Symbol("USB_STORAGE", "drivers/usb/storage/Kconfig:4", "Device Drivers > USB support"),
            Symbol("E1000E", "drivers/net/ethernet/intel/Kconfig:60", "Device Drivers > Network device support"),
            Symbol("SECCOMP", "arch/Kconfig:500", "General architecture-dependent options"),
            Symbol("CC_IS_GCC", "init/Kconfig:19", null))).EnsureSuccessStatusCode();
        var baseline = await api.CreateBaselineAsync(kernelVersion: "9.9.1");
        (await api.ImportConfigAsync(baseline, MatrixScenarios.ConfigOf("9.9.1",
            ("USB_ACM", "m"), ("USB_STORAGE", "m"), ("E1000E", "y"), ("SECCOMP", "y"), ("CC_IS_GCC", "y")))).EnsureSuccessStatusCode();
        await api.DecideAsync(baseline, "SECCOMP", "y", rationale: "Filters syscalls.");

        var zip = await api.Viewer.AuditExportAsync(baseline);
        var text = Text(ExportingBaselines.Entry(zip, "report.html"));

        Assert.True(AuditExportScenarios.AuditVerify(zip).Valid);
        Assert.Contains("Kconfig catalog 9.9.1/arm64 (5 symbols, built from", text, StringComparison.Ordinal);
        Assert.Contains("Undocumented: built in (y or m) without a decision: 4 All 4 are listed in the appendix", text, StringComparison.Ordinal);
        Assert.Contains("Kconfig menu symbols Kconfig directories Device Drivers 3 3 (outside any menu) 1 1", text, StringComparison.Ordinal);
        Assert.Contains("Device Drivers: 3 symbols drivers/net/ethernet/intel (1) E1000E=y drivers/usb/class (1) USB_ACM=m "
            + "drivers/usb/storage (1) USB_STORAGE=m (outside any menu): 1 symbol init (1) CC_IS_GCC=y", text, StringComparison.Ordinal);
    }

    private async Task Evidence(string baseline, string symbol, string outcome, string reference) =>
        (await api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions/{symbol}/evidence",
            new { kind = "test", reference, outcome, summary = $"{outcome} on the target." })).EnsureSuccessStatusCode();

    private async Task<HttpResponseMessage> UploadCatalogAsync(string version, string arch, params string[] symbols)
    {
        var document = $$"""{"format":"{{CompactCatalog.FormatName}}","kernelVersion":"{{version}}","architecture":"{{arch}}","source":"test","problems":[],"symbols":[{{string.Join(',', symbols)}}]}""";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(document));
        content.Headers.ContentType = new MediaTypeHeaderValue(CompactCatalog.MediaType);
        return await api.Admin.BuiltAsync(await api.Admin.PostAsync("/api/catalogs", content));
    }

    private static string Symbol(string name, string site, string? menu) =>
        $$"""{"name":"{{name}}","type":"tristate","prompt":"{{name}}","help":null,"sites":["{{site}}"],"dependsOn":[],"selects":[],"implies":[],"defaults":[],"ranges":[],"definitions":[{"site":"{{site}}","dependsOn":[],"menu":{{(menu is null ? "null" : $"\"{menu}\"")}}}]}""";

    /// <summary>The page as a reader sees it: no style block, no tags, entities decoded, white space collapsed.</summary>
    private static string Text(string html) =>
        Space().Replace(WebUtility.HtmlDecode(Tag().Replace(Style().Replace(html, " "), " ")), " ");

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
