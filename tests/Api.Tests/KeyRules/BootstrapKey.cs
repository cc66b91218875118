using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Traceability.Testing;

namespace Traceability.Api.Tests.KeyRules;

/// <summary>Issue 13 item 6: Auth:BootstrapAdminKey across restarts, on one database.</summary>
public sealed class BootstrapKey : IAsyncLifetime
{
    private string _database = "";
    private readonly TestDataDirectory _data = new("bootstrap");

    public async Task InitializeAsync() => _database = await TestServer.CreateDatabaseAsync("bootstrap");

    public async Task DisposeAsync()
    {
        await TestServer.DropDatabaseAsync(_database);
        _data.Delete();
    }

    [Fact]
    public async Task A_revoked_bootstrap_key_stays_revoked_after_a_restart_and_the_start_says_so()
    {
        const string bootstrap = "trc_bootstrap_key_that_gets_revoked";
        await using (var first = Start(bootstrap, new CapturedLogs()))
        {
            var admin = Client(first, bootstrap);
            var second = await admin.PostAsJsonAsync("/api/keys", new { name = "second-admin", role = "admin", owner = "Erin" });
            second.EnsureSuccessStatusCode();
            var secondKey = (await second.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
            Assert.Equal(HttpStatusCode.NoContent, (await Client(first, secondKey).DeleteAsync("/api/keys/bootstrap-admin?reason=handed+over")).StatusCode);
        }

        var logs = new CapturedLogs();
        await using var restarted = Start(bootstrap, logs);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(restarted, bootstrap).GetAsync("/api/me")).StatusCode);
        Assert.Contains(logs.Lines, l => l.StartsWith(nameof(LogLevel.Warning), StringComparison.Ordinal)
            && l.Contains("Auth:BootstrapAdminKey", StringComparison.Ordinal) && l.Contains("revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bootstrap_key_with_surrounding_whitespace_is_trimmed_and_works()
    {
        var logs = new CapturedLogs();
        await using var service = Start("  trc_bootstrap_key_with_spaces \n", logs);

        Assert.Equal(HttpStatusCode.OK, (await Client(service, "trc_bootstrap_key_with_spaces").GetAsync("/api/me")).StatusCode);
        Assert.Contains(logs.Lines, l => l.StartsWith(nameof(LogLevel.Warning), StringComparison.Ordinal)
            && l.Contains("whitespace", StringComparison.Ordinal));
    }

    private WebApplicationFactory<Program> Start(string bootstrapKey, CapturedLogs logs)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Traceability", _database).UseSetting("Auth:BootstrapAdminKey", bootstrapKey)
                .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem).UseSetting(TestDataDirectory.Setting, _data.Path);
            web.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Information));
        });
        factory.CreateClient().Dispose();
        return factory;
    }

    private static HttpClient Client(WebApplicationFactory<Program> factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
