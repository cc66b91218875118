using Traceability.Api.Keys;
using Traceability.Projections.ReadModels;
using Traceability.Projections.Trust;

namespace Traceability.Api.Hosting;

/// <summary>
/// Starts and migrates the database when the host starts (not on the first request); after copying
/// release 0.1.0's log, seals it into the chain and rebuilds the read models from it; then makes sure an
/// admin key exists.
/// </summary>
public sealed class DatabaseStartup(
    Database database, ChainSealer sealer, ReadModelRebuild rebuild, KeyBootstrap keys, ServiceDataDirectory dataDirectory, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Service data directory {Path} (from {Origin})", dataDirectory.Path, dataDirectory.Origin);
        _ = database.DataSource;
        if (database.Upgraded is not null)
        {
            await sealer.SealLateGapFillersAsync(cancellationToken);
            await rebuild.RunAsync(cancellationToken);
        }
        await keys.EnsureAdminKeyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
