using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Traceability.Testing;

namespace Traceability.Api.Tests;

/// <summary>
/// The real service over HTTP against a fresh database on the run's PostgreSQL, with one client
/// per role: two engineers and two assessors so four-eyes rules can be exercised.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string AdminKey = "trc_test_admin_key_for_the_api_suite_only";
    private WebApplicationFactory<Program> _factory = null!;
    private readonly TestDataDirectory _data = new("api");

    /// <summary>The database's owner: direct SQL in tests. The service itself runs as <see cref="RuntimeConnectionString"/>.</summary>
    public string ConnectionString { get; private set; } = "";
    public string RuntimeConnectionString { get; private set; } = "";
    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient Engineer { get; private set; } = null!;
    public HttpClient Engineer2 { get; private set; } = null!;
    public HttpClient Assessor { get; private set; } = null!;
    public HttpClient Assessor2 { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("api");
        RuntimeConnectionString = await RuntimeLogins.CreateAsync(ConnectionString);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Traceability", RuntimeConnectionString)
                .UseSetting("ConnectionStrings:TraceabilityMigrations", ConnectionString)
                .UseSetting("Auth:BootstrapAdminKey", AdminKey)
                .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem)
                .UseSetting(TestDataDirectory.Setting, _data.Path);
            foreach (var (key, value) in ExtraSettings) web.UseSetting(key, value);
        });
        Anonymous = _factory.CreateClient();
        Admin = Client(AdminKey);
        Viewer = await ClientFor("viewer-1", "viewer");
        Engineer = await ClientFor("engineer-1", "engineer");
        Engineer2 = await ClientFor("engineer-2", "engineer");
        Assessor = await ClientFor("assessor-1", "assessor");
        Assessor2 = await ClientFor("assessor-2", "assessor");
    }

    /// <summary>Configuration a derived fixture adds (e.g. an audit signing key).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    /// <summary>A client of the service without a key of its own: for callers that name the key per request (the demo).</summary>
    public HttpClient KeylessClient() => _factory.CreateClient();

    public HttpClient Client(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<HttpClient> ClientFor(string name, string role)
    {
        var response = await Admin.PostAsJsonAsync("/api/keys", new { name, role, owner = name });
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedKey>();
        return Client(issued!.Key);
    }

    /// <summary>
    /// The number of events in the log: bad input must leave it unchanged. Marten's tombstones are not counted: after a
    /// failed save it writes them in the background for the sequence numbers used, so they may land at any moment.
    /// </summary>
    public async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(WrittenEvents.CountSql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>When the chain sealed <paramref name="position"/>: the moment "as of a time" maps to it.</summary>
    public async Task<DateTimeOffset> ChainedAtAsync(long position)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT chained_at FROM traceability.event_chain WHERE position = $1", connection);
        command.Parameters.Add(new() { Value = position });
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestServer.DropDatabaseAsync(ConnectionString);
        await RuntimeLogins.DropAsync(ConnectionString, RuntimeConnectionString);
        _data.Delete();
    }

    private sealed record IssuedKey(string Name, string Role, string Key);
}
