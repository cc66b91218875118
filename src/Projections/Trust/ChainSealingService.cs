using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Traceability.Projections.Trust;

/// <summary>
/// Keeps the chain sealed behind the writers: every <see cref="PollInterval"/> it notes the last sequence number handed
/// out, and seals the events numbered up to the one it noted <see cref="Lag"/> ago (<see cref="ChainSealer.ProgressAsync"/>).
/// Sealing only what is a second old keeps its reads off the heap pages and index leaves the writers are inserting into:
/// measured at 16 writers, a sealer at the tail cost them 15 % of their rate and one a second behind about 4 %, what its
/// own work takes (bench/README, "Sealing a second behind"). Reads that need the newest positions seal everything
/// first themselves, so no answer waits on the lag.
/// Not woken by NOTIFY: a transaction that notifies holds one database-wide lock through its commit's WAL
/// flush, so every append would commit alone and concurrent writers would lose group commit (measured:
/// half the append rate at 16 writers). Every instance runs one; the sealer's lock makes them take turns.
/// </summary>
public sealed class ChainSealingService(ChainSealer sealer, ILogger<ChainSealingService> logger) : BackgroundService
{
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How far behind the writers the service seals: events numbered at least this long ago (zero: all committed).</summary>
    public static TimeSpan Lag { get; set; } = TimeSpan.FromSeconds(1);

    public static TimeSpan RetryWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the watermark may wait on transactions that took sequence numbers before the service says so.</summary>
    public static TimeSpan HeldBackWarning { get; set; } = TimeSpan.FromMinutes(1);

    private readonly Queue<(long AtMs, long Sequence)> _noted = new();
    private int[]? _warnedAbout;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Passes back to back while they find work: one pass per poll unless full gave 6 passes a second
                // instead of 26-48 under 16 writers, no faster writers, and a longer lag for the reads that seal first.
                if (await BoundAsync(stoppingToken) is { } upTo)
                    while (await sealer.TrySealAsync(upTo, stoppingToken) > 0) { }
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

    /// <summary>
    /// Notes the last number handed out now, and answers the newest one noted at least <see cref="Lag"/> ago if it is above
    /// the watermark (there is something to seal, or the watermark to move), else null. Holds about Lag / PollInterval notes.
    /// </summary>
    private async Task<long?> BoundAsync(CancellationToken ct)
    {
        var (last, watermark) = await sealer.ProgressAsync(ct);
        var now = Environment.TickCount64;
        _noted.Enqueue((now, last));
        long? bound = null;
        while (_noted.Count > 0 && now - _noted.Peek().AtMs >= Lag.TotalMilliseconds) bound = _noted.Dequeue().Sequence;
        return bound > watermark ? bound : null;
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
