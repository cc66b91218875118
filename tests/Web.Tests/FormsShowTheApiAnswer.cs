using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Traceability.Web.Tests;

/// <summary>
/// A form the API refuses comes back with the API's problem next to it and with what was typed: a stale
/// version (412) shows the concurrent change instead of overwriting it, a bad field is named at that field.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class FormsShowTheApiAnswer(WebFixture web)
{
    private const string Baseline = "forms-6.1";

    [Fact]
    public async Task A_revision_made_meanwhile_is_shown_and_not_overwritten_and_the_typed_text_is_kept()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        var version = await Arrange.ProposedAsync(web, "engineer-2", Baseline, "SECCOMP", "Sandboxing for services.");
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("engineer-1");
        await page.GotoAsync($"/baselines/{Baseline}/decisions/SECCOMP");

        await ReviseOverApiAsync("engineer-2", version, "systemd's service sandboxing needs seccomp filters.");
        var form = page.Locator("#form-revise");
        await form.GetByLabel("Rationale").FillAsync("My own rationale, typed before I knew.");
        await form.GetByLabel("Reason for the revision").FillAsync("Clarified.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Revise" }).ClickAsync();

        await Expect(page.Locator("#form-revise .conflict")).ToContainTextAsync("changed after you opened the page");
        await Expect(page.Locator("#form-revise .conflict")).ToContainTextAsync("Revised to r2: y by engineer-2");
        await Expect(form.GetByLabel("Rationale")).ToHaveValueAsync("My own rationale, typed before I knew.");
        await browser.ScreenshotAsync("11-decision-conflict");
        Assert.Equal("systemd's service sandboxing needs seccomp filters.", (await DecisionAsync("SECCOMP")).GetProperty("rationale").GetString());

        await form.GetByRole(AriaRole.Button, new() { Name = "Revise" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("Revised");
        Assert.Equal("My own rationale, typed before I knew.", (await DecisionAsync("SECCOMP")).GetProperty("rationale").GetString());
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task A_missing_field_is_named_at_that_field_with_the_APIs_words_and_nothing_is_written()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        using var engineer = await PageClient.SignedInAsync(web, "engineer-1");
        var response = await engineer.PostFormAsync($"/baselines/{Baseline}/propose", $"/baselines/{Baseline}/propose",
            new() { ["symbol"] = "CONFIG_KASAN", ["value"] = "n", ["rationale"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<small class=\"field-error\" id=\"propose-rationale-error\">[^<]*Rationale[^<]*required", html);
        Assert.Contains("value=\"CONFIG_KASAN\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Admin.GetAsync($"/api/baselines/{Baseline}/decisions/KASAN")).StatusCode);
    }

    [Fact]
    public async Task A_symbol_the_kernels_catalog_does_not_know_is_refused_with_the_reason_on_the_form()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        await using var browser = await BrowserSession.OpenAsync(web);
        var page = browser.Page;
        await browser.SignInAsync("engineer-1");
        await page.GotoAsync($"/baselines/{Baseline}/propose");
        await page.GetByLabel("Symbol", new() { Exact = true }).FillAsync("CONFIG_ARM64_PANN");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("y");
        await page.GetByLabel("Rationale", new() { Exact = true }).FillAsync("PAN protects the kernel from user memory.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();

        await Expect(page.Locator(".problem")).ToContainTextAsync("Symbol not in the catalog");
        await Expect(page.Locator(".problem")).ToContainTextAsync("CONFIG_ARM64_PANN is not a symbol of the 6.1.192/arm64 Kconfig catalog");
        await Expect(page.GetByLabel("Symbol", new() { Exact = true })).ToHaveValueAsync("CONFIG_ARM64_PANN");
        await browser.ScreenshotAsync("12-propose-refused");
        browser.AssertNoErrors();
    }

    private async Task ReviseOverApiAsync(string key, long version, string rationale)
    {
        using var client = web.ClientWithKey(key);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/baselines/{Baseline}/decisions/SECCOMP")
        {
            Content = JsonContent.Create(new { value = "y", rationale, reason = "Named the real user." }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> DecisionAsync(string symbol) =>
        await web.Admin.GetFromJsonAsync<JsonElement>($"/api/baselines/{Baseline}/decisions/{symbol}");
}
