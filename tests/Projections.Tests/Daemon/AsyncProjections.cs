using Traceability.Projections.Daemon;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Daemon;

public sealed class AsyncProjections(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly EventStore _store = TestEvents.Store(db.DataSource);

    [Fact]
    public async Task The_daemon_sees_every_concurrent_write_once_in_seq_id_order()
    {
        await using var host = new DaemonHost(db.ConnectionString, new SeenEventsProjection("seen_once"));
        await host.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 1; i <= 20; i++)
                await _store.AppendAsync(new StreamAppend($"once/{w}", "once", i - 1, [new Counted(i)]), TestEvents.Alice);
        })));
        var head = (await _store.HeadAsync()).SeqId;
        await Eventually.True(async () => await Checkpoints.ReadAsync(db.DataSource, "seen_once", default) == head, "the daemon to reach the head");

        var seen = host.Projection.Seen.ToList();
        Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seen);
        Assert.Equal(16 * 20, await db.ScalarAsync("SELECT count(*) FROM seen_once WHERE stream_id LIKE 'once/%'"));
    }

    [Fact]
    public async Task A_rebuild_gives_identical_rows()
    {
        await using var host = new DaemonHost(db.ConnectionString, new SeenEventsProjection("seen_rebuild"));
        await host.StartAsync();
        for (var i = 1; i <= 120; i++)
            await _store.AppendAsync(new StreamAppend($"rebuild/{i % 7}", "rebuild", ExpectedVersion.Any, [new Counted(i)]), TestEvents.Alice);
        var head = (await _store.HeadAsync()).SeqId;
        await Eventually.True(async () => await Checkpoints.ReadAsync(db.DataSource, "seen_rebuild", default) == head, "catch-up");
        var before = await Rows("seen_rebuild");

        var rebuiltTo = await host.Daemon.RebuildAsync("seen_rebuild");

        Assert.Equal(head, rebuiltTo);
        Assert.Equal(before, await Rows("seen_rebuild"));
    }

    [Fact]
    public async Task Two_instances_run_a_projection_once_and_the_standby_takes_over()
    {
        var first = new DaemonHost(db.ConnectionString, new SeenEventsProjection("seen_leader"));
        await using var second = new DaemonHost(db.ConnectionString, new SeenEventsProjection("seen_leader"));
        await first.StartAsync();
        await Eventually.True(() => Task.FromResult(first.IsLeader), "the first instance to lead");
        await second.StartAsync();
        for (var i = 1; i <= 30; i++)
            await _store.AppendAsync(new StreamAppend("leader/a", "leader", i - 1, [new Counted(i)]), TestEvents.Alice);
        var head = (await _store.HeadAsync()).SeqId;
        await Eventually.True(async () => await Checkpoints.ReadAsync(db.DataSource, "seen_leader", default) == head, "catch-up");

        Assert.False(second.IsLeader);
        Assert.Empty(second.Projection.Seen);

        await first.DisposeAsync();
        await Eventually.True(() => Task.FromResult(second.IsLeader), "the standby to take over");
        await _store.AppendAsync(new StreamAppend("leader/a", "leader", 30, [new Counted(31)]), TestEvents.Alice);
        await Eventually.True(async () => await Checkpoints.ReadAsync(db.DataSource, "seen_leader", default) == head + 1, "the new runner to apply the next event");
        Assert.Equal([head + 1], second.Projection.Seen);
        Assert.Equal(head + 1, await db.ScalarAsync("SELECT count(*) FROM seen_leader"));
    }

    private async Task<string> Rows(string table)
    {
        await using var command = db.DataSource.CreateCommand($"SELECT string_agg(seq_id || ':' || stream_id || ':' || total, ',' ORDER BY seq_id) FROM {table}");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
