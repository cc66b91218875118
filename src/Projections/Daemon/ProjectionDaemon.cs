using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Daemon;

/// <summary>The async projection daemon: one runner per projection, each leading on one process only.</summary>
public sealed class ProjectionDaemon : BackgroundService
{
    private readonly EventStore _store;
    private readonly IReadOnlyList<IAsyncProjection> _projections;

    public ProjectionDaemon(EventStore store, IEnumerable<IAsyncProjection> projections, DaemonOptions options, ILogger<ProjectionDaemon> logger)
    {
        _store = store;
        _projections = projections.ToList();
        Runners = _projections.Select(p => new ProjectionRunner(store, p, options, logger)).ToList();
    }

    public IReadOnlyList<ProjectionRunner> Runners { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Runners.Select(r => Task.Run(() => r.RunAsync(stoppingToken), stoppingToken)));

    /// <summary>
    /// Truncate + reset + replay in one transaction. The checkpoint row is locked first, so a
    /// runner's concurrent batch fails its checkpoint move and rolls back instead of doubling rows.
    /// </summary>
    public async Task<long> RebuildAsync(string name, CancellationToken ct = default)
    {
        var projection = _projections.Single(p => p.Name == name);
        await using var connection = await _store.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Checkpoints.ReadAsync(connection, name, ct);
        await using (var lockRow = new NpgsqlCommand(
            "SELECT last_seq_id FROM traceability.event_progression WHERE name = $1 FOR UPDATE", connection))
        {
            lockRow.Parameters.Add(new() { Value = name });
            var from = (long)(await lockRow.ExecuteScalarAsync(ct))!;
            await projection.ResetAsync(connection, ct);
            var last = await Replay(connection, projection, ct);
            await Checkpoints.TryAdvanceAsync(connection, name, from, last, ct);
            await transaction.CommitAsync(ct);
            return last;
        }
    }

    private async Task<long> Replay(NpgsqlConnection connection, IAsyncProjection projection, CancellationToken ct)
    {
        long last = 0;
        while (true)
        {
            var events = await _store.ReadAllAsync(last, 1000, ct);
            if (events.Count == 0) return last;
            await projection.ApplyAsync(connection, events, ct);
            last = events[^1].SeqId;
        }
    }
}
