using Microsoft.Extensions.Logging;
using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Daemon;

/// <summary>
/// Runs one async projection on at most one process of the cluster: the holder of a session
/// advisory lock. When that process dies its session ends, the lock is released, and a standby
/// runner takes over on its next attempt.
/// </summary>
public sealed class ProjectionRunner(EventStore store, IAsyncProjection projection, DaemonOptions options, ILogger logger)
{
    public string Name => projection.Name;
    public bool IsLeader { get; private set; }
    public long Checkpoint { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RunWhileLeaderAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Projection {Projection} stopped; retrying in {Interval}", Name, options.TakeoverInterval);
            }
            finally
            {
                IsLeader = false;
            }
            await Task.Delay(options.TakeoverInterval, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunWhileLeaderAsync(CancellationToken ct)
    {
        await using var lockConnection = await store.DataSource.OpenConnectionAsync(ct);
        if (!await TryLock(lockConnection, ct)) return;
        IsLeader = true;
        logger.LogInformation("Projection {Projection}: this instance is the runner", Name);
        await using (var listen = new NpgsqlCommand($"LISTEN {EventStore.NotifyChannel}", lockConnection)) await listen.ExecuteNonQueryAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            if (await ProcessBatchAsync(ct) == 0) await lockConnection.WaitAsync(options.IdleWait, ct);
        }
    }

    private async Task<bool> TryLock(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new() { Value = Checkpoints.LockKey(Name) });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Applies the next batch and moves the checkpoint in one transaction; returns the events applied.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        var from = Checkpoint = await Checkpoints.ReadAsync(connection, Name, ct);
        var events = await store.ReadAllAsync(from, options.BatchSize, ct);
        if (events.Count == 0) return 0;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await projection.ApplyAsync(connection, events, ct);
        if (!await Checkpoints.TryAdvanceAsync(connection, Name, from, events[^1].SeqId, ct))
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }
        await transaction.CommitAsync(ct);
        Checkpoint = events[^1].SeqId;
        return events.Count;
    }
}
