using Npgsql;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Store;

public sealed class GroupCommit(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    /// <summary>An inline projection that refuses one particular event, as a rule check in SQL might.</summary>
    private sealed class RefusesThirteen : IInlineProjection
    {
        public Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, CancellationToken ct) =>
            events.Any(e => e.Data is Counted { By: 13 }) ? throw new InvalidOperationException("13 is refused") : Task.CompletedTask;
    }

    [Fact]
    public async Task One_failing_append_does_not_fail_the_appends_committed_beside_it()
    {
        await using var store = TestEvents.Store(db.DataSource, new RefusesThirteen());

        var attempts = Enumerable.Range(1, 32).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(StreamAppend.Start($"group/{i}", "group", new Counted(i)), TestEvents.Alice);
                return (i, Error: (Exception?)null);
            }
            catch (InvalidOperationException ex)
            {
                return (i, Error: ex);
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal([13], results.Where(r => r.Error is not null).Select(r => r.i));
        Assert.Equal(31, await db.ScalarAsync("SELECT count(*) FROM traceability.events WHERE stream_id LIKE 'group/%'"));
        Assert.Equal(0, await store.StreamVersionAsync("group/13"));
        Assert.True((await HashChainVerifier.VerifyAsync(db.DataSource)).Valid);
    }

    [Fact]
    public async Task Each_append_in_a_batch_keeps_its_own_metadata()
    {
        await using var store = TestEvents.Store(db.DataSource);
        await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() =>
            store.AppendAsync(StreamAppend.Start($"meta/{i}", "meta", new Counted(i)), new EventMetadata($"actor-{i}")))));

        for (var i = 1; i <= 16; i++) Assert.Equal($"actor-{i}", (await store.ReadStreamAsync($"meta/{i}"))[0].Metadata.Actor);
    }
}
