using Microsoft.Playwright;

namespace Traceability.Web.Tests;

/// <summary>
/// One person at one browser: signs in by typing the key into the sign-in page, as a user would, and
/// collects what must never happen on our pages: a console error (a CSP violation is one), a script
/// error, a dialog (an injected alert()), or a failed stylesheet, script, icon or fetch. A page itself may
/// answer 4xx (a refused form shows the API's problem), so documents are left to each test's own checks.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private BrowserSession(IPage page, WebFixture web)
    {
        Page = page;
        Web = web;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) _errors.Add($"console: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document") _errors.Add($"{response.Status} for {response.Url}");
        };
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            _errors.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }
    public WebFixture Web { get; }
    public IReadOnlyList<string> Errors => _errors;

    public static async Task<BrowserSession> OpenAsync(WebFixture web) => new(await web.NewPageAsync(), web);

    public async Task SignInAsync(string keyName)
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("API key").FillAsync(Web.Keys[keyName]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".who")).ToContainTextAsync(keyName);
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    /// <summary>The viewport (1366×768) as the user sees it, into TestResults/screenshots/.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebFixture.Screenshots, name + ".png") });

    public void AssertNoErrors() => Assert.True(_errors.Count == 0, "the browser reported:\n" + string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
