using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Traceability.Projections.Trust;

/// <summary>
/// Keeps the chain sealed behind the writers by polling every <see cref="PollInterval"/> whether a sequence number
/// was handed out above the sealer's watermark (<see cref="ChainSealer.PendingAsync"/>).
/// Not woken by NOTIFY: a transaction that notifies holds one database-wide lock through its commit's WAL
/// flush, so every append would commit alone and concurrent writers would lose group commit (measured:
/// half the append rate at 16 writers). Every instance runs one; the sealer's lock makes them take turns,
/// and reads that need the newest positions seal first themselves.
/// </summary>
public sealed class ChainSealingService(ChainSealer sealer, ILogger<ChainSealingService> logger) : BackgroundService
{
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public static TimeSpan RetryWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the watermark may wait on transactions that took sequence numbers before the service says so.</summary>
    public static TimeSpan HeldBackWarning { get; set; } = TimeSpan.FromMinutes(1);

    private int[]? _warnedAbout;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One pass per poll, and more at once only while they come back full. Passes back to back while they
                // found anything made a pass per append under one writer (190-344 a second of 2-3 events, each with its
                // own commit), which cost that writer 17-39 % of its rate (bench/README, "Bulk appends signed while they
                // are written, and one pass per poll").
                if (await sealer.PendingAsync(stoppingToken))
                    while (await sealer.TrySealAsync(stoppingToken) >= ChainSealer.PassSize) { }
                WarnWhenHeldBack();
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Sealing the event chain failed ({Error}); retrying", ex.Message);
                await Task.Delay(RetryWait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Once per set of backends: sealing goes on, but an open transaction makes every pass reread more.</summary>
    private void WarnWhenHeldBack()
    {
        if (sealer.HeldBack is not { } held || held.For < HeldBackWarning)
        {
            _warnedAbout = null;
            return;
        }
        if (_warnedAbout is not null && _warnedAbout.SequenceEqual(held.Backends)) return;
        _warnedAbout = held.Backends;
        logger.LogWarning(
            "The event chain's watermark has waited {Seconds:N0} s on transactions that took event sequence numbers and are still open "
            + "(backend pids {Pids}). Events are still sealed, but every pass rereads what lies above the watermark; "
            + "a session left idle in a transaction would explain it (see pg_stat_activity).",
            held.For.TotalSeconds, string.Join(", ", held.Backends));
    }
}
