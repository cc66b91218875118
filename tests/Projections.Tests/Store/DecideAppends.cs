using Npgsql;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Store;

/// <summary>Decide appends group-commit: each reads, under the lock, what was queued before it, and refuses alone.</summary>
public sealed class DecideAppends(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly EventStore _store = TestEvents.Store(db.DataSource);

    [Fact]
    public async Task Concurrent_decides_that_number_by_counting_get_consecutive_numbers_sharing_commits()
    {
        var transactions = new System.Collections.Concurrent.ConcurrentBag<long>();
        var attempts = Enumerable.Range(0, 32).Select(_ => Task.Run(() => _store.AppendAsync(async (connection, ct) =>
        {
            transactions.Add(await ScalarAsync(connection, "SELECT txid_current()", ct));
            var next = await StreamIndex.CountAsync(connection, "numbered", ct) + 1;
            return [StreamAppend.Start($"numbered/{next}", "numbered", new Counted((int)next))];
        }, TestEvents.Alice))).ToList();
        await Task.WhenAll(attempts);

        Assert.Equal(32, await db.ScalarAsync("SELECT count(DISTINCT stream_id) FROM traceability.events WHERE stream_id LIKE 'numbered/%'"));
        Assert.Equal(32, await db.ScalarAsync("SELECT count(*) FROM traceability.streams WHERE type = 'numbered' AND substring(id FROM 10)::int BETWEEN 1 AND 32"));
        Assert.True(transactions.Distinct().Count() < 32, "at least two decides shared one transaction");
        Assert.True((await HashChainVerifier.VerifyAsync(db.DataSource)).Valid);
    }

    [Fact]
    public async Task A_decide_that_refuses_fails_alone_and_writes_nothing()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() => Outcome(i, _store.AppendAsync((_, _) =>
            i == 7 ? throw new InvalidOperationException("7 is refused")
                : Task.FromResult<IReadOnlyList<StreamAppend>>([StreamAppend.Start($"refuse/{i}", "refuse", new Counted(i))]),
            TestEvents.Alice)))));

        Assert.Equal([7], results.Where(r => r.Error is InvalidOperationException).Select(r => r.I));
        Assert.Equal(15, await db.ScalarAsync("SELECT count(*) FROM traceability.events WHERE stream_id LIKE 'refuse/%'"));
    }

    [Fact]
    public async Task A_decide_whose_database_read_fails_gets_that_error_and_its_neighbours_are_written()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() => Outcome(i, _store.AppendAsync(async (connection, ct) =>
        {
            await ScalarAsync(connection, i == 5 ? "SELECT 1 / 0" : "SELECT 1::bigint", ct);
            return [StreamAppend.Start($"broken/{i}", "broken", new Counted(i))];
        }, TestEvents.Alice)))));

        var failed = Assert.Single(results, r => r.Error is not null);
        Assert.Equal(5, failed.I);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, Assert.IsType<PostgresException>(failed.Error).SqlState);
        Assert.Equal(15, await db.ScalarAsync("SELECT count(*) FROM traceability.events WHERE stream_id LIKE 'broken/%'"));
    }

    [Fact]
    public async Task A_decide_at_a_stale_version_gets_the_typed_conflict_and_one_that_decides_nothing_appends_nothing()
    {
        await _store.AppendAsync(StreamAppend.Start("stale/1", "stale", new Counted(1)), TestEvents.Alice);

        var conflict = await Assert.ThrowsAsync<StreamVersionConflict>(() => _store.AppendAsync((_, _) =>
            Task.FromResult<IReadOnlyList<StreamAppend>>([StreamAppend.Start("stale/1", "stale", new Counted(2))]), TestEvents.Alice));
        var nothing = await _store.AppendAsync((_, _) => Task.FromResult<IReadOnlyList<StreamAppend>>([]), TestEvents.Alice);

        Assert.Equal((0L, 1L), (conflict.Expected, conflict.Actual));
        Assert.Same(AppendResult.Nothing, nothing);
        Assert.Equal(1, await _store.StreamVersionAsync("stale/1"));
    }

    private static async Task<(int I, Exception? Error)> Outcome(int i, Task<AppendResult> append)
    {
        try
        {
            await append;
            return (i, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or PostgresException)
        {
            return (i, ex);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
