using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Traceability.Web.Tests;

/// <summary>
/// The issue's story in a real browser: an engineer proposes; an assessor approves from the queue; an AoU
/// revision turns the decision suspect; it is reconfirmed; the matrix travels back to before; the audit
/// export is downloaded and verified. Every page on the way is screenshotted at 1366×768.
/// </summary>
[Collection(WebSuite.Name)]
public sealed partial class TheReviewStory(WebFixture web)
{
    private const string Baseline = "story-6.1";

    [Fact]
    public async Task A_decision_goes_from_proposal_through_review_suspicion_and_reconfirmation_and_its_history_is_exported_and_verified()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        var aou = await Arrange.AgreedAssumptionAsync(web, "Userspace (glibc, systemd) relies on futex-based locking.");
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;

        var proposedMoment = await ProposeAsEngineerAsync(browser, aou);
        await ApproveFromTheQueueAsAssessorAsync(browser);
        await ReviseTheAssumptionAsEngineerAsync(browser, aou);
        await AcceptAndReconfirmAsAssessorAsync(browser, aou);
        await TravelBackToTheProposalAsync(browser, proposedMoment);
        await DownloadAndVerifyTheExportAsync(browser);

        browser.AssertNoErrors();
        Assert.DoesNotContain(web.Keys.Values, key => page.Url.Contains(key, StringComparison.Ordinal));
    }

    private static async Task<string> ProposeAsEngineerAsync(BrowserSession browser, string aou)
    {
        var page = browser.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("00-sign-in");
        await browser.SignInAsync("engineer-1");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Baselines" })).ToBeVisibleAsync();
        await Expect(page.Locator(".who")).ToContainTextAsync("engineer");
        await browser.ScreenshotAsync("01-baselines");

        await page.GetByRole(AriaRole.Link, new() { Name = Baseline, Exact = true }).First.ClickAsync();
        await Expect(page.Locator(".count")).ToContainTextAsync(new Regex(@"Rows 1–100 of \d{4,}"));
        await browser.ScreenshotAsync("02-matrix");

        await page.GetByRole(AriaRole.Link, new() { Name = "Propose a decision" }).ClickAsync();
        await page.GetByLabel("Symbol", new() { Exact = true }).PressSequentiallyAsync("FUTE");
        await Expect(page.Locator("#symbol-suggestions option[value='CONFIG_FUTEX']")).ToHaveCountAsync(1);
        await page.GetByLabel("Symbol", new() { Exact = true }).FillAsync("CONFIG_FUTEX");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("y");
        await page.GetByLabel("Rationale", new() { Exact = true }).FillAsync("glibc's pthread mutexes and systemd need futex(2); the symbol is only formally optional.");
        await page.Locator($"input[name='assumptions'][value='{aou}']").CheckAsync();
        await browser.ScreenshotAsync("03-propose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();

        await Expect(page.Locator(".notice")).ToContainTextAsync("Proposed");
        await Expect(page.Locator("h1")).ToContainTextAsync("CONFIG_FUTEX");
        await Expect(page.Locator(".facts .badge.proposed")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("04-decision");
        await page.GotoAsync($"/baselines/{Baseline}");
        var moment = await page.GetByRole(AriaRole.Link, new() { Name = "Keep this moment" }).GetAttributeAsync("href");
        await browser.SignOutAsync();
        return moment!;
    }

    private static async Task ApproveFromTheQueueAsAssessorAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await browser.SignInAsync("assessor-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).First.ClickAsync();
        var waiting = page.Locator("section", new() { Has = page.Locator("#approve-title") });
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "CONFIG_FUTEX" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("05-review-queue");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve CONFIG_FUTEX in {Baseline}" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/review$"));
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "CONFIG_FUTEX" })).ToHaveCountAsync(0);
        await browser.SignOutAsync();
    }

    private static async Task ReviseTheAssumptionAsEngineerAsync(BrowserSession browser, string aou)
    {
        var page = browser.Page;
        await browser.SignInAsync("engineer-1");
        await page.GotoAsync($"/assumptions/{aou}");
        await Expect(page.Locator("#form-revise #impact-before")).ToContainTextAsync("will mark 1 decision(s) suspect");
        await Expect(page.Locator("#form-revise #impact-before")).ToContainTextAsync("CONFIG_FUTEX");
        var form = page.Locator("#form-revise");
        await form.GetByLabel("Text", new() { Exact = true }).FillAsync("Userspace relies on futex-based locking, including PI and robust futexes.");
        await form.GetByLabel("Reason").FillAsync("PI futexes came up in the 2024-05-14 meeting.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Revise" }).ClickAsync();
        await Expect(page.Locator("#impact-after")).ToContainTextAsync("It marked 1 decision(s) suspect");
        await browser.ScreenshotAsync("06-assumption-revised");
        await page.Locator("#impact-after").GetByRole(AriaRole.Link, new() { Name = "CONFIG_FUTEX" }).ClickAsync();
        await Expect(page.Locator(".suspect-cause")).ToContainTextAsync($"aou/{aou} revised");
        await Expect(page.Locator(".facts .flag.suspect")).ToBeVisibleAsync();
        await browser.SignOutAsync();
    }

    private static async Task AcceptAndReconfirmAsAssessorAsync(BrowserSession browser, string aou)
    {
        var page = browser.Page;
        await browser.SignInAsync("assessor-1");
        await page.GotoAsync($"/assumptions/{aou}");
        await page.Locator("#form-accept").GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("is agreed");
        await page.GotoAsync("/review");
        await page.GetByLabel($"Reason to reconfirm CONFIG_FUTEX").FillAsync("The PI futex wording does not change the decision.");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reconfirm CONFIG_FUTEX in {Baseline}" }).ClickAsync();
        var suspects = page.Locator("section", new() { Has = page.Locator("#reconfirm-title") });
        await Expect(suspects.GetByRole(AriaRole.Link, new() { Name = "CONFIG_FUTEX" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/baselines/{Baseline}/decisions/FUTEX");
        await Expect(page.Locator(".facts .badge.approved")).ToBeVisibleAsync();
        await Expect(page.Locator(".facts .flag.suspect")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("07-decision-reconfirmed");
    }

    private static async Task TravelBackToTheProposalAsync(BrowserSession browser, string moment)
    {
        var page = browser.Page;
        await page.GotoAsync(moment + "&search=FUTEX");
        await Expect(page.Locator(".history-banner")).ToContainTextAsync("History");
        await Expect(page.Locator("body.history")).ToHaveCountAsync(1);
        var row = page.Locator("table.matrix tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "CONFIG_FUTEX", Exact = true }) });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("proposed");
        await Expect(page.Locator("main form[method='post']")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("08-matrix-history");
        await row.GetByRole(AriaRole.Link, new() { Name = "CONFIG_FUTEX", Exact = true }).ClickAsync();
        await Expect(page.Locator(".history-banner")).ToBeVisibleAsync();
        await Expect(page.Locator(".facts .badge.proposed")).ToBeVisibleAsync();
        await Expect(page.Locator(".facts div", new() { HasText = "Approved by" }).Locator("dd")).ToHaveTextAsync("—");
        await Expect(page.Locator(".timeline li.later").First).ToContainTextAsync("Approved");
        await browser.ScreenshotAsync("09-decision-history");
    }

    private static async Task DownloadAndVerifyTheExportAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit export" }).First.ClickAsync();
        await page.GetByLabel("Baseline").SelectOptionAsync(Baseline);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        Assert.Matches(ExportName(), download.SuggestedFilename);
        var zip = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(zip);
        try
        {
            await page.GotoAsync("/audit");
            await page.GetByLabel("Export zip").SetInputFilesAsync(zip);
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await Expect(page.Locator("#verdict")).ToHaveTextAsync("VALID");
            await Expect(page.Locator(".checks li.fail")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("10-audit-verified");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [GeneratedRegex(@"^story-6\.1-audit-\d+\.zip$")]
    private static partial Regex ExportName();
}
