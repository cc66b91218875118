using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// The real app in front of a PostgreSQL server of the test class's own (<see cref="FaultPostgres"/>), which the
/// fault tests stop, lock or cut off: the run's shared server must never go down.
/// </summary>
public abstract class FaultApp(string name, string adminKey) : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new(name);

    protected FaultPostgres Postgres { get; private set; } = null!;
    protected WebApplicationFactory<Program> Factory { get; private set; } = null!;
    protected string AdminKey => adminKey;

    public async Task InitializeAsync()
    {
        Postgres = await FaultPostgres.StartAsync(name);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem)
            .UseSetting(TestDataDirectory.Setting, _data.Path)
            .UseSetting("ConnectionStrings:Traceability", Postgres.ConnectionString)
            .UseSetting("Auth:BootstrapAdminKey", adminKey));
    }

    protected HttpClient Client(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Postgres.DisposeAsync();
        _data.Delete();
    }
}
