using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Traceability.Api.Hosting;
using Traceability.Testing;

namespace Traceability.Web.Tests;

/// <summary>
/// The real service on Kestrel (a free loopback port, because the browser needs a real listener) against a
/// fresh database, the keys of every role, and Debian's Chromium driven by Playwright. One per test run:
/// the web test classes share it in one collection, and each uses its own baselines and symbols.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string AdminKey = "trc_test_admin_key_for_the_web_suite_only";
    public const string Chromium = "/usr/bin/chromium";
    private readonly string _keyRing = Directory.CreateTempSubdirectory("web-keyring-").FullName;
    private readonly TestDataDirectory _data = new("web");
    private string _connection = "";
    private string _runtime = "";
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;

    public Uri Address { get; private set; } = null!;

    /// <summary>The schema owner's connection string: for a test that must hold a lock the runtime role cannot take.</summary>
    public string DatabaseOwner => _connection;
    public IServiceProvider Services => _app.Services;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Keys { get; private set; } = new Dictionary<string, string>();

    /// <summary>Where the run writes its screenshots: TestResults/screenshots/ at the repository's root (git-ignored).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Repository.Root, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _connection = await TestServer.CreateDatabaseAsync("web");
        _runtime = await RuntimeLogins.CreateAsync(_connection);
        _app = await StartInstanceAsync();
        Address = AddressOf(_app);
        Admin = new HttpClient { BaseAddress = Address };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        Keys = await Arrange.KeysAsync(Admin);
        Browser = await LaunchAsync();
    }

    /// <summary>
    /// An instance of the service on a free loopback port over this fixture's database, data directory, keys and
    /// session key ring, with <paramref name="settings"/> (command-line form) added: the fixture's own, or a second
    /// one a test configures differently and disposes.
    /// </summary>
    public async Task<WebApplication> StartInstanceAsync(params string[] settings)
    {
        var app = TraceabilityApp.Build([
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Traceability={_runtime}",
            $"--ConnectionStrings:TraceabilityMigrations={_connection}",
            $"--Auth:BootstrapAdminKey={AdminKey}",
            $"--Web:KeyRingDirectory={_keyRing}",
            _data.Argument,
            $"--{TestKeys.Setting}={TestKeys.ServiceKeyPem}",
            "--RateLimit:AnonymousPermitPerMinute=0",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        await app.StartAsync();
        return app;
    }

    /// <summary>A second instance whose pages call the API at <paramref name="api"/> (a proxy, or the fixture's own), stopped when disposed.</summary>
    public async Task<PagesInstance> StartPagesAsync(Uri api, params string[] settings) =>
        new(await StartInstanceAsync([$"--Web:ApiAddress={api}", .. settings]));

    public sealed class PagesInstance(WebApplication app) : IAsyncDisposable
    {
        public Uri Address { get; } = AddressOf(app);

        /// <summary>Every line this instance logs from now on at Warning and above (its settings' level).</summary>
        public CapturedLogs CaptureLogs()
        {
            var logs = new CapturedLogs();
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
            return logs;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>How many assumptions of use the log holds with exactly this text (read through the API as the admin).</summary>
    public async Task<int> AssumptionsWithTextAsync(string text)
    {
        var all = await Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/assumptions");
        return all.EnumerateArray().Count(a => a.GetProperty("text").GetString() == text);
    }

    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Debian's Chromium, never a downloaded one. Playwright gives each launch a fresh temporary profile
    /// (user-data dir) of its own and removes it on close.
    /// </summary>
    private async Task<IBrowser> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: test.sh installs Debian's chromium (scripts/ensure-chromium.sh).");
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The number of events in the log, without the tombstones Marten writes in the background after a failed save: a refused form must leave it unchanged.</summary>
    public async Task<long> EventCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(WrittenEvents.CountSql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A new browser context (its own cookies) at the size the screenshots are taken at.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await TestServer.DropDatabaseAsync(_connection);
        await RuntimeLogins.DropAsync(_connection, _runtime);
        Directory.Delete(_keyRing, recursive: true);
        _data.Delete();
    }
}

[CollectionDefinition(Name)]
public sealed class WebSuite : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}

public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Traceability.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Traceability.sln not found above the test assembly.");
    }
}
