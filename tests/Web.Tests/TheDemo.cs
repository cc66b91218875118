using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Traceability.Api.Hosting;
using Traceability.Testing;
using static Microsoft.Playwright.Assertions;

namespace Traceability.Web.Tests;

/// <summary>
/// What `./run.sh --demo` shows at http://localhost:5000: the service started with --demo on an empty
/// database loads the demo through its own API, and after signing in the pages show its baselines, its
/// suspect decisions and its review queue. Screenshotted, as the demo is what a new user sees first.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class TheDemo(WebFixture web) : IAsyncLifetime
{
    private readonly string _keyRing = Directory.CreateTempSubdirectory("web-demo-keyring-").FullName;
    private readonly TestDataDirectory _data = new("web-demo");
    private string _connection = "";
    private string _runtime = "";
    private WebApplication _app = null!;
    private Uri _address = null!;

    [Fact]
    public async Task After_signing_in_the_demo_shows_its_baselines_suspect_decisions_and_review_queue()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _address.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(WebFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        foreach (var baseline in new[] { "arm64-6.1", "amd64-6.1", "arm64-6.12" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = baseline, Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("demo-01-baselines") });
        await page.GotoAsync("/baselines/arm64-6.1?flag=suspect&flag=deviation&flag=symbol-missing&flag=unapproved");
        await Expect(page.Locator("table.matrix .flag.suspect").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("demo-02-matrix-flagged") });
        await page.Locator("table.matrix tr.suspect th a").First.ClickAsync();
        await Expect(page.Locator(".suspect-cause")).ToContainTextAsync("revised");
        await page.ScreenshotAsync(new() { Path = Shot("demo-03-suspect-decision") });
        await page.GotoAsync("/review");
        await Expect(page.Locator("#reconfirm-title")).Not.ToContainTextAsync("(0)");
        await Expect(page.Locator("#deviation-title")).Not.ToContainTextAsync("(0)");
        await page.ScreenshotAsync(new() { Path = Shot("demo-04-review-queue") });
        await context.CloseAsync();
    }

    public async Task InitializeAsync()
    {
        _connection = await TestServer.CreateDatabaseAsync("webdemo");
        _runtime = await RuntimeLogins.CreateAsync(_connection);
        _app = TraceabilityApp.Build([
            "--demo", "--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Traceability={_runtime}",
            $"--ConnectionStrings:TraceabilityMigrations={_connection}", $"--Auth:BootstrapAdminKey={WebFixture.AdminKey}",
            $"--Web:KeyRingDirectory={_keyRing}", "--Logging:LogLevel:Default=Warning",
            _data.Argument,
        ]);
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var admin = new HttpClient { BaseAddress = _address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", WebFixture.AdminKey);
        // The demo's last step is the AoU revision that leaves decisions suspect in both arm64 baselines.
        await Eventually.True(async () =>
        {
            var coverage = await admin.GetAsync("/api/baselines/arm64-6.12/coverage");
            return coverage.IsSuccessStatusCode && (await coverage.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("flags").GetProperty("suspect").GetProperty("count").GetInt32() > 0;
        }, "the demo to load", timeoutSeconds: 300);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await TestServer.DropDatabaseAsync(_connection);
        await RuntimeLogins.DropAsync(_connection, _runtime);
        Directory.Delete(_keyRing, recursive: true);
        _data.Delete();
    }

    private static string Shot(string name) => Path.Combine(WebFixture.Screenshots, name + ".png");
}
