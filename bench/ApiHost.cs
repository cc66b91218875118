using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Hosting;

namespace Traceability.Bench;

/// <summary>The real service on Kestrel (loopback, free port) against the bench's server: reads are measured over HTTP.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminKey = "trc_bench_admin_key_for_this_run_only";
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private ApiHost(WebApplication app, HttpClient client, string dataDirectory) => (_app, Client, _dataDirectory) = (app, client, dataDirectory);

    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary><paramref name="settings"/> adds command-line settings, e.g. the web pages' key ring directory.</summary>
    public static async Task<ApiHost> StartAsync(string connectionString, params string[] settings)
    {
        // Its own service data directory (the signing key it generates, the web key ring), removed at the end.
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"traceability-bench-service-{Guid.NewGuid().ToString("N")[..8]}");
        var app = TraceabilityApp.Build([
            $"--Service:DataDirectory={dataDirectory}",
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Traceability={connectionString}",
            $"--Auth:BootstrapAdminKey={AdminKey}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return new ApiHost(app, client, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
