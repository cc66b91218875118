using System.Net;
using System.Text;
using Traceability.Testing;

namespace Traceability.Web.Tests;

/// <summary>
/// A page's call to the API whose answer breaks off after its status arrived, a read-only form whose answer was lost, and
/// a download whose export breaks off while it is passed on.
/// The status says what became of the request: a write answered 201 was carried out, so the page must say so, not fail
/// with a 500 or invite a repeat. A conformance check changes nothing, so losing its answer changed nothing either.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class BrokenAnswers(WebFixture web)
{
    [Fact]
    public async Task A_form_whose_answer_breaks_off_in_its_body_says_it_was_carried_out()
    {
        await using var proxy = new CuttingProxy(web.Address, CutAt.Body);
        await using var pages = await web.StartPagesAsync(proxy.Address);
        using var engineer = await PageClient.SignedInWithKeyAsync(pages.Address, web.Keys["engineer-1"]);
        var text = $"The secure monitor is signed ({Guid.NewGuid():N}).";

        var broken = await engineer.PostFormAsync("/assumptions", "/assumptions", new() { ["category"] = "hardware", ["text"] = text });

        var page = await broken.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadGateway, broken.StatusCode);
        Assert.Equal(1, proxy.Cut);
        Assert.Contains("The API carried out the request (HTTP 201)", page, StringComparison.Ordinal);
        Assert.Contains("do not repeat the request", page, StringComparison.Ordinal);
        Assert.Equal(1, await web.AssumptionsWithTextAsync(text));
    }

    [Fact]
    public async Task A_check_whose_answer_was_lost_says_nothing_was_changed()
    {
        await using var proxy = new CuttingProxy(web.Address);
        await using var pages = await web.StartPagesAsync(proxy.Address);
        using var viewer = await PageClient.SignedInWithKeyAsync(pages.Address, web.Keys["viewer-1"]);

        var lost = await viewer.PostFileAsync("/check", "/check", new() { ["baseline"] = "any" }, "config", Encoding.ASCII.GetBytes("CONFIG_SMP=y\n"));

        var page = await lost.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(1, proxy.Cut);
        Assert.Contains("nothing was changed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not known", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_whose_export_breaks_off_fails_in_the_browser_and_is_logged_as_a_warning()
    {
        await Arrange.BaselineAsync(web.Admin, "broken-download");
        await using var proxy = new CuttingProxy(web.Address, CutAt.Body, line => line.Contains("/audit-export", StringComparison.Ordinal));
        await using var pages = await web.StartPagesAsync(proxy.Address);
        var logs = pages.CaptureLogs();
        using var viewer = await PageClient.SignedInWithKeyAsync(pages.Address, web.Keys["viewer-1"]);

        var failure = await Record.ExceptionAsync(async () =>
        {
            using var download = await viewer.GetAsync("/audit/export?baseline=broken-download");
            await download.Content.ReadAsByteArrayAsync();
        });

        Assert.True(failure is HttpRequestException or IOException, $"the download should fail, not end as if the zip were whole: {failure}");
        Assert.Equal(1, proxy.Cut);
        await Eventually.True(() => Task.FromResult(logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("broke off while it was passed on", StringComparison.Ordinal))), "the warning");
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }
}
