using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Testing;

namespace Traceability.Api.Tests.Hardening;

/// <summary>
/// The real service with settings of the test's choosing (low limits) on a fresh database, and every
/// log line it writes, at Trace level, kept in <see cref="Logs"/>.
/// </summary>
public abstract class TunedApiFixture : IAsyncLifetime
{
    public const string AdminKey = "trc_tuned_admin_key_for_the_hardening_tests";
    private WebApplicationFactory<Program> _factory = null!;
    private readonly TestDataDirectory _data = new("tuned");

    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    public CapturedLogs Logs { get; } = new();
    public string ConnectionString { get; private set; } = "";
    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("tuned");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Traceability", ConnectionString).UseSetting("Auth:BootstrapAdminKey", AdminKey)
                .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem).UseSetting(TestDataDirectory.Setting, _data.Path);
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
            web.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        });
        Anonymous = _factory.CreateClient();
        Admin = Client(AdminKey);
    }

    public HttpClient Client(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A key issued straight into the store, so arranging it spends none of a rate-limited key's permits.</summary>
    public async Task<HttpClient> DirectClientAsync(string name, string role)
    {
        var key = ApiKeyStore.NewKey();
        await Services.GetRequiredService<EventLog>().AppendAsync(
            StreamAppend.Start(ApiKeyEvents.StreamId(name), new ApiKeyIssued(name, role, ApiKeyStore.Hash(key))),
            new EventMetadata("test"));
        return Client(key);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestServer.DropDatabaseAsync(ConnectionString);
        _data.Delete();
    }
}
