using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Store;

public sealed class ConcurrentAppends(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly EventStore _store = TestEvents.Store(db.DataSource);

    [Fact]
    public async Task Sixteen_appenders_at_one_expected_version_exactly_one_wins()
    {
        await _store.AppendAsync(StreamAppend.Start("race/one", "race", new Counted(0)), TestEvents.Alice);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await _store.AppendAsync(new StreamAppend("race/one", "race", 1, [new Counted(i)]), TestEvents.Alice);
                return (Won: true, Conflict: (StreamVersionConflict?)null);
            }
            catch (StreamVersionConflict conflict)
            {
                return (Won: false, Conflict: conflict);
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Won);
        Assert.Equal(15, results.Count(r => r.Conflict is { Expected: 1, Actual: 2 }));
        var events = await _store.ReadStreamAsync("race/one");
        Assert.Equal([1L, 2L], events.Select(e => e.Version));
    }

    [Fact]
    public async Task Sixteen_writers_to_different_streams_lose_and_duplicate_nothing()
    {
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 1; i <= 25; i++)
                await _store.AppendAsync(new StreamAppend($"writer/{w}", "writer", i - 1, [new Counted(i)]), TestEvents.Alice);
        }));
        await Task.WhenAll(writers);

        for (var w = 0; w < 16; w++)
        {
            var events = await _store.ReadStreamAsync($"writer/{w}");
            Assert.Equal(Enumerable.Range(1, 25), events.Select(e => ((Counted)e.Data).By));
        }
        Assert.Equal(0, await db.ScalarAsync(
            "SELECT count(*) FROM (SELECT seq_id, lag(seq_id) OVER (ORDER BY seq_id) AS prev FROM traceability.events) s WHERE prev IS NOT NULL AND seq_id <> prev + 1"));
    }
}
