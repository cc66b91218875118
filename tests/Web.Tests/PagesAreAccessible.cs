using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Traceability.Web.Tests;

/// <summary>
/// Every page in the browser: each control has a label, one h1, keyboard use with a visible focus, text that
/// meets WCAG AA contrast, and the matrix and decision pages print cleanly. Each page is screenshotted on the way.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class PagesAreAccessible(WebFixture web) : IAsyncLifetime
{
    private const string Baseline = "a11y-6.1";
    private static Lazy<Task<string>>? _arranged;

    private string Aou { get; set; } = "";

    public async Task InitializeAsync() => Aou = await LazyInitializer.EnsureInitialized(ref _arranged, () => new(ArrangeAsync)).Value;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_page_labels_its_controls_has_one_heading_and_readable_contrast()
    {
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("bootstrap-admin");
        foreach (var (path, shot) in Pages())
        {
            await page.GotoAsync(path);
            Assert.Empty(await page.EvaluateAsync<string[]>(Script.Unlabelled));
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            var low = await page.EvaluateAsync<string[]>(Script.LowContrast);
            Assert.True(low.Length == 0, $"{path}: text below 4.5:1 contrast:\n" + string.Join("\n", low));
            Assert.Equal(0, await page.Locator("[tabindex]:not([tabindex='-1'])").CountAsync());
            await browser.ScreenshotAsync(shot);
        }
        await page.GotoAsync($"/check?baseline={Baseline}");
        await page.GetByLabel("Resolved .config file").SetInputFilesAsync(Path.Combine(Repository.Root, "samples", "kernel-configs", "linux-6.1.arm64_none_arm64.config"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(page.Locator("#verdict")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(PASS|FAIL)$"));
        Assert.Empty(await page.EvaluateAsync<string[]>(Script.LowContrast));
        await browser.ScreenshotAsync("p15-check-result");
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task A_role_that_may_not_use_a_page_gets_a_403_page_that_names_its_role()
    {
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("viewer-1");
        var response = await page.GotoAsync($"/baselines/{Baseline}/propose");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("The role viewer of viewer-1 may not do this.");
        Assert.Empty(await page.EvaluateAsync<string[]>(Script.Unlabelled));
        await browser.ScreenshotAsync("p16-forbidden");
    }

    [Fact]
    public async Task The_pages_work_from_the_keyboard_with_a_visible_focus()
    {
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("assessor-1");
        await page.GotoAsync($"/baselines/{Baseline}");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.EvaluateAsync<bool>(Script.FocusVisible), "the skip link is focused but not visibly");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>(Script.FocusVisible), "the first control after the skip shows no focus");

        await page.GotoAsync($"/review?baseline={Baseline}");
        await page.GetByLabel("Reason to reject CONFIG_KASAN").FocusAsync();
        await page.Keyboard.TypeAsync("Needs a rationale that names the debug build.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Reject CONFIG_KASAN in a11y-6.1", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#approve-title")).ToContainTextAsync("(0)");
        browser.AssertNoErrors();
    }

    [Theory]
    [InlineData("matrix", "/baselines/a11y-6.1?search=FUTEX")]
    [InlineData("decision", "/baselines/a11y-6.1/decisions/FUTEX")]
    public async Task The_matrix_and_the_decision_print_without_navigation_or_forms(string name, string path)
    {
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("engineer-1");
        await page.GotoAsync(path);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("form:visible, .button:visible, details:visible").CountAsync());
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("table, .timeline").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync($"print-{name}");
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(WebFixture.Screenshots, $"print-{name}.pdf"), Format = "A4" });
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
    }

    private (string Path, string Shot)[] Pages() =>
    [
        ("/", "p01-baselines"), ($"/baselines/{Baseline}", "p02-matrix"), ($"/baselines/{Baseline}/propose", "p03-propose"),
        ($"/baselines/{Baseline}/decisions/FUTEX", "p04-decision"), ("/review", "p05-review"), ("/assumptions", "p06-assumptions"),
        ($"/assumptions/{Aou}", "p07-assumption"), ("/features", "p08-features"), ("/features/a11y-pan", "p09-feature"),
        ("/requirements", "p10-requirements"), ("/requirements/a11y-req", "p11-requirement"),
        ($"/diff?a={Baseline}&b=a11y-6.12", "p12-diff"), ("/check", "p13-check"), ("/audit", "p14-audit"),
    ];

    private async Task<string> ArrangeAsync()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        var aou = await Arrange.AgreedAssumptionAsync(web, "The kernel executes at EL1 only; EL2 and EL3 are out of scope.");
        (await web.Admin.PostAsJsonAsync("/api/requirements", new { id = "a11y-req", externalId = "SR-7", title = "Freedom from interference", text = "A fault in userspace shall not corrupt kernel memory.", kind = "goal" })).EnsureSuccessStatusCode();
        (await web.Admin.PostAsJsonAsync("/api/hardware-features", new
        {
            id = "a11y-pan", name = "Privileged Access Never", architecture = "arm64", protectsAgainst = "kernel access to user memory",
            description = "FEAT_PAN", governingSymbols = Governing, availability = new Dictionary<string, string> { ["web-virt"] = "available" },
        })).EnsureSuccessStatusCode();
        using var engineer = web.ClientWithKey("engineer-2");
        (await engineer.PostAsJsonAsync($"/api/baselines/{Baseline}/decisions", new
        {
            symbol = "FUTEX", value = "y", rationale = "glibc needs futexes.", assumptions = new List<string> { aou }, requirements = Requirements,
        })).EnsureSuccessStatusCode();
        using var assessor = web.ClientWithKey("assessor-2");
        (await assessor.PostAsJsonAsync($"/api/baselines/{Baseline}/decisions/FUTEX/approve", new { })).EnsureSuccessStatusCode();
        await Arrange.ProposedAsync(web, "engineer-2", Baseline, "KASAN");
        await NewerKernelAsync();
        return aou;
    }

    /// <summary>A 6.12 baseline on the same platform, so the diff page has an upgrade to show.</summary>
    private async Task NewerKernelAsync()
    {
        (await web.Admin.PostAsJsonAsync("/api/baselines", new { id = "a11y-6.12", platform = "web-virt", kernelVersion = "6.12.117", variant = "debian" })).EnsureSuccessStatusCode();
        var config = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "kernel-configs", "linux-6.12.arm64_none_arm64.config"));
        (await web.Admin.PutAsync("/api/baselines/a11y-6.12/config", new ByteArrayContent(config) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }))
            .EnsureSuccessStatusCode();
    }

    private static readonly string[] Governing = ["ARM64_PAN"];
    private static readonly string[] Requirements = ["a11y-req"];

    /// <summary>Checks run in the page: what a screen reader or a keyboard user would miss.</summary>
    private static class Script
    {
        public const string Unlabelled = """
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(e => e.tagName === 'BUTTON' ? !(e.textContent.trim() || e.getAttribute('aria-label')) : !(e.labels?.length || e.getAttribute('aria-label')))
              .map(e => e.outerHTML)
            """;

        public const string FocusVisible = """
            () => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }
            """;

        /// <summary>WCAG 2 contrast of every element's own text against the first opaque background behind it; AA asks 4.5:1.</summary>
        public const string LowContrast = """
            () => {
              const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
              const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
              return [...document.querySelectorAll('body *')]
                .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                .map(e => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e)); return [e, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
                .filter(([, ratio]) => ratio < 4.5).map(([e, ratio]) => `${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
            }
            """;
    }
}
