using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Traceability.Api.Web;

namespace Traceability.Web.Tests;

/// <summary>
/// What the security review tried on the API, tried on the pages: HTML typed into any field is shown as
/// text, every page carries the strict CSP with no inline script or style to need loosening it, the API key
/// never reaches a page, a URL or a script-readable cookie, and a form from anywhere but our page is refused.
/// </summary>
[Collection(WebSuite.Name)]
public sealed partial class PagesAreSafe(WebFixture web) : IAsyncLifetime
{
    private const string Baseline = "safe-6.1";
    private const string AouText = "<script>alert('aou')</script> and <b>bold</b>";
    private const string Rationale = "\"><img src=x onerror=alert('rationale')></textarea><svg onload=alert('textarea')>";
    private const string Title = "</td><iframe src=\"//example.com\"></iframe>";
    private const string Reference = "javascript:alert('evidence')";
    private static readonly string[] Governing = ["ARM64_PAN"];
    private static readonly string[] Requirements = ["safe-req"];
    private static Lazy<Task<string>>? _arranged;

    private string Aou { get; set; } = "";

    public async Task InitializeAsync() => Aou = await LazyInitializer.EnsureInitialized(ref _arranged, () => new(ArrangeAsync)).Value;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Html_typed_into_any_field_is_shown_as_text_and_never_runs()
    {
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("bootstrap-admin");
        foreach (var (path, payloads) in new[]
        {
            ($"/assumptions/{Aou}", new[] { AouText }), ($"/baselines/{Baseline}/decisions/FUTEX", [Rationale, Reference, AouText]),
            ("/requirements/safe-req", [Title]), ($"/review?baseline={Baseline}", [Rationale]), ($"/baselines/{Baseline}/propose", [AouText, Title]),
            ("/features/safe-feature", [Title]),
        })
        {
            await page.GotoAsync(path);
            var text = await page.Locator("main").InnerTextAsync();
            foreach (var payload in payloads) Assert.Contains(payload.Replace("\t", " "), text, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("main img, main iframe, main script, main svg:not(.bar), main b").CountAsync());
        }
        await page.GotoAsync($"/baselines/{Baseline}/decisions/FUTEX");
        Assert.Equal(Rationale, await page.Locator("#form-revise textarea[name='rationale']").InputValueAsync());
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Every_page_carries_the_strict_policy_and_no_inline_script_style_or_handler()
    {
        using var admin = await PageClient.SignedInAsync(web, "bootstrap-admin");
        using var anonymous = PageClient.Anonymous(web);
        var pages = new[]
        {
            "/", $"/baselines/{Baseline}", $"/baselines/{Baseline}?asOf=1", $"/baselines/{Baseline}/decisions/FUTEX", $"/baselines/{Baseline}/propose",
            "/review", "/assumptions", $"/assumptions/{Aou}", "/features", "/features/safe-feature", "/requirements", "/requirements/safe-req",
            $"/diff?a={Baseline}&b={Baseline}", "/check", "/audit", "/baselines/nope",
        };
        var responses = new List<(string, HttpResponseMessage)> { ("/sign-in", await anonymous.GetAsync("/sign-in")) };
        foreach (var path in pages) responses.Add((path, await admin.GetAsync(path)));
        foreach (var (path, response) in responses)
        {
            Assert.Equal(HtmlResult.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(!InlineScript().IsMatch(html) && !StyleAttribute().IsMatch(html) && !Handler().IsMatch(html), $"{path} has inline script, style or handler");
        }
        Assert.Equal(HttpStatusCode.NotFound, responses.Single(r => r.Item1 == "/baselines/nope").Item2.StatusCode);
    }

    [Fact]
    public async Task The_key_never_reaches_a_page_a_url_or_a_cookie_a_script_can_read()
    {
        var key = web.Keys["engineer-1"];
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("engineer-1");
        foreach (var path in new[] { "/", $"/baselines/{Baseline}", $"/baselines/{Baseline}/decisions/FUTEX", "/review", $"/assumptions/{Aou}" })
        {
            await page.GotoAsync(path);
            Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);
        }
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == WebSession.CookieName);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.All(cookies, c => Assert.DoesNotContain(key, Uri.UnescapeDataString(c.Value), StringComparison.Ordinal));

        using var stranger = PageClient.Anonymous(web);
        var refused = await stranger.PostFormAsync("/sign-in", "/sign-in", new() { ["key"] = "trc_typed_but_wrong_key_12345" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("trc_typed_but_wrong_key_12345", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_this_sessions_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var engineer = await PageClient.SignedInAsync(web, "engineer-1");
        using var other = await PageClient.SignedInAsync(web, "engineer-2");
        var before = (await web.Admin.GetFromJsonAsync<List<object>>("/api/assumptions"))!.Count;
        var fields = new Dictionary<string, string> { ["category"] = "forged", ["text"] = "Posted from another site." };
        var withoutToken = await engineer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/assumptions") { Content = new FormUrlEncodedContent(fields) });
        var othersToken = OthersToken().Match(await other.HtmlAsync("/assumptions")).Groups[1].Value;
        var withOthersToken = await engineer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/assumptions")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["_af"] = othersToken }),
        });

        foreach (var response in new[] { withoutToken, withOthersToken })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("The form could not be accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, (await web.Admin.GetFromJsonAsync<List<object>>("/api/assumptions"))!.Count);
    }

    private async Task<string> ArrangeAsync()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        var aou = await Arrange.AgreedAssumptionAsync(web, AouText);
        (await web.Admin.PostAsJsonAsync("/api/requirements", new { id = "safe-req", externalId = "SR-1", title = Title, text = Rationale, kind = "requirement" })).EnsureSuccessStatusCode();
        (await web.Admin.PostAsJsonAsync("/api/hardware-features", new
        {
            id = "safe-feature", name = Title, architecture = "arm64", protectsAgainst = AouText, description = Rationale,
            governingSymbols = Governing, availability = new Dictionary<string, string>(),
        })).EnsureSuccessStatusCode();
        using var engineer = web.ClientWithKey("engineer-2");
        (await engineer.PostAsJsonAsync($"/api/baselines/{Baseline}/decisions", new
        {
            symbol = "FUTEX", value = "y", rationale = Rationale, assumptions = new List<string> { aou }, requirements = Requirements,
        })).EnsureSuccessStatusCode();
        (await engineer.PostAsJsonAsync($"/api/baselines/{Baseline}/decisions/FUTEX/evidence", new { kind = "test", reference = Reference, outcome = "pass", summary = AouText }))
            .EnsureSuccessStatusCode();
        return aou;
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex("name=\"_af\" value=\"([^\"]+)\"")]
    private static partial Regex OthersToken();
}
