using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Traceability.Projections.Daemon;
using Traceability.Projections.Events;

namespace Traceability.Projections.Tests.Daemon;

/// <summary>One "process": its own connection pool and daemon, as a second API instance would have.</summary>
public sealed class DaemonHost : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly CancellationTokenSource _stop = new();

    public DaemonHost(string connectionString, SeenEventsProjection projection)
    {
        // A separate application name makes a separate pool, so its sessions (and locks) are its own.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"daemon-{Guid.NewGuid():N}" }.ConnectionString);
        Projection = projection;
        var options = new DaemonOptions { BatchSize = 50, IdleWait = TimeSpan.FromMilliseconds(200), TakeoverInterval = TimeSpan.FromMilliseconds(200) };
        Daemon = new ProjectionDaemon(TestEvents.Store(_dataSource), [projection], options, NullLogger<ProjectionDaemon>.Instance);
    }

    public ProjectionDaemon Daemon { get; }
    public SeenEventsProjection Projection { get; }
    public bool IsLeader => Daemon.Runners[0].IsLeader;

    public Task StartAsync() => Daemon.StartAsync(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        await Daemon.StopAsync(CancellationToken.None);
        await _dataSource.DisposeAsync();
        Daemon.Dispose();
        _stop.Dispose();
    }
}
