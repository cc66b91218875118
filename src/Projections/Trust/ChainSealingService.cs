using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Traceability.Projections.Trust;

/// <summary>
/// Keeps the chain sealed behind the writers: woken by the NOTIFY that each append's trigger sends at
/// commit, and every second regardless. Every instance runs one; the sealer's lock makes them take turns.
/// </summary>
public sealed class ChainSealingService(NpgsqlDataSource dataSource, ChainSealer sealer, ILogger<ChainSealingService> logger) : BackgroundService
{
    public static TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAndSealAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Sealing the event chain failed ({Error}); retrying", ex.Message);
                await Task.Delay(IdleWait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAndSealAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChainSealer.NotifyChannel}", connection)) await listen.ExecuteNonQueryAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            while (await sealer.TrySealAsync(ct) > 0) { }
            await connection.WaitAsync(IdleWait, ct);
        }
    }
}
