using Traceability.Testing;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Traceability.Api.Tests.Audit;

/// <summary>report.html in headless Chromium (Debian's package, installed by test.sh): it must print to A4 PDF and screenshot.</summary>
public sealed partial class RenderingTheReport(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-report-").FullName;

    [Fact]
    public async Task The_report_is_self_contained_and_escapes_what_people_typed()
    {
        var html = await ReportAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=", html);
        Assert.DoesNotContain("<untrusted>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;untrusted&gt; workloads &amp; their syscalls", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("are listed in the appendix", html, StringComparison.Ordinal);
        Assert.Contains("assessor-1</span> (assessor)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chromium_prints_the_report_to_a_pdf_and_a_screenshot()
    {
        var report = Path.Combine(_directory, "report.html");
        await File.WriteAllTextAsync(report, await ReportAsync());
        var pdf = Path.Combine(_directory, "report.pdf");
        var png = Path.Combine(_directory, "report.png");
        await ChromiumAsync($"--print-to-pdf={pdf}", report);
        await ChromiumAsync($"--screenshot={png}", "--window-size=1240,1754", report);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(bytes, 0, 4), StringComparison.Ordinal);
        Assert.True(bytes.Length > 10 * 1024, $"the PDF has only {bytes.Length} bytes");
        Assert.True(PageCount(bytes) >= 1, "the PDF has no page");
        var image = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image[..4]);
        var keep = Environment.GetEnvironmentVariable("AUDIT_REPORT_KEEP");
        if (!string.IsNullOrEmpty(keep)) foreach (var f in new[] { report, pdf, png }) File.Copy(f, Path.Combine(keep, Path.GetFileName(f)), true);
    }

    private async Task<string> ReportAsync()
    {
        var zip = await api.Viewer.AuditExportAsync(await api.AuditDemoLikeBaselineAsync());
        return ExportingBaselines.Entry(zip, "report.html");
    }

    private async Task ChromiumAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Chromium);
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(_directory, "profile")}"])
            start.ArgumentList.Add(arg);
        foreach (var arg in args[..^1]) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("file://" + args[^1]);
        var run = await ExternalProcess.RunAsync(start);
        Assert.True(run.ExitCode == 0, $"chromium exited with {run.ExitCode}: {run.Stderr}");
    }

    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
