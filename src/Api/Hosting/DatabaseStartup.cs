using Traceability.Api.Keys;

namespace Traceability.Api.Hosting;

/// <summary>Starts and migrates the database when the host starts (not on the first request), then makes sure an admin key exists.</summary>
public sealed class DatabaseStartup(Database database, KeyBootstrap keys, ServiceDataDirectory dataDirectory, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Service data directory {Path} (from {Origin})", dataDirectory.Path, dataDirectory.Origin);
        _ = database.DataSource;
        await keys.EnsureAdminKeyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
