using JasperFx;
using JasperFx.Events;
using Npgsql;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// Appends that arrive while groups are being written share the next commit (GroupCommit). Each test holds every group
/// writer on a row lock, queues the appends it is about, then lets go: they are then all in one group.
/// </summary>
public sealed class SharedCommits(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task Appends_queued_behind_a_group_commit_together_each_with_its_own_metadata()
    {
        var (held, first) = await HoldAGroupAsync();
        var streams = Enumerable.Range(0, 10).Select(_ => AssumptionOfUse.StreamId(Events.Id("AOU"))).ToList();
        var writes = streams.Select((s, i) => log.Log.AppendAsync(StreamAppend.Start(s, Events.Drafted(s)), Events.Alice with { Actor = $"writer-{i}" })).ToList();
        await held.DisposeAsync();
        await first;
        await Task.WhenAll(writes);

        for (var i = 0; i < streams.Count; i++)
            Assert.Equal($"writer-{i}", Assert.Single(await log.Log.ReadStreamAsync(streams[i])).Metadata.Actor);
        Assert.Equal(1, await log.ScalarAsync("SELECT count(DISTINCT headers->'auth'->>'batch') FROM traceability.mt_events WHERE stream_id = ANY($1)", (object)streams.ToArray()));
        await AssertValidAsync();
    }

    [Fact]
    public async Task A_conflict_in_a_group_fails_only_its_own_append()
    {
        var (a, b, c) = (AssumptionOfUse.StreamId(Events.Id("AOU")), AssumptionOfUse.StreamId(Events.Id("AOU")), AssumptionOfUse.StreamId(Events.Id("AOU")));
        await log.Log.AppendAsync([StreamAppend.Start(a, Events.Drafted(a)), StreamAppend.Start(b, Events.Drafted(b))], Events.Alice);
        var (held, first) = await HoldAGroupAsync();
        var right = log.Log.AppendAsync(new StreamAppend(a, 1, [Events.Revised(a, 2)]), Events.Alice);
        var stale = log.Log.AppendAsync(new StreamAppend(b, 5, [Events.Revised(b, 6)]), Events.Alice);
        var taken = log.Log.AppendAsync(StreamAppend.Start(a, Events.Drafted(a)), Events.Alice);
        var fresh = log.Log.AppendAsync(StreamAppend.Start(c, Events.Drafted(c)), Events.Alice);
        await held.DisposeAsync();
        await first;

        Assert.Equal(2, (await right).VersionOf(a));
        Assert.Equal(1, (await fresh).VersionOf(c));
        var conflict = await Assert.ThrowsAsync<EventStreamUnexpectedMaxEventIdException>(() => stale);
        Assert.Equal(b, conflict.Id);
        await Assert.ThrowsAsync<Marten.Exceptions.ExistingStreamIdCollisionException>(() => taken);
        Assert.Equal([1L, 2L], (await log.Log.ReadStreamAsync(a)).Select(e => e.Version));
        Assert.Equal([1L], (await log.Log.ReadStreamAsync(b)).Select(e => e.Version));
        await AssertValidAsync();
    }

    [Fact]
    public async Task An_event_the_database_refuses_fails_only_the_append_that_brought_it()
    {
        var (good, bad) = (AssumptionOfUse.StreamId(Events.Id("AOU")), AssumptionOfUse.StreamId(Events.Id("AOU")));
        var (held, first) = await HoldAGroupAsync();
        var fine = log.Log.AppendAsync(StreamAppend.Start(good, Events.Drafted(good)), Events.Alice);
        // jsonb cannot hold U+0000: the whole group's statement fails, then each append is written again alone.
        var refused = log.Log.AppendAsync(StreamAppend.Start(bad, Events.Drafted(bad, "nul \u0000 inside")), Events.Alice);
        await held.DisposeAsync();
        await first;

        Assert.Equal(1, (await fine).VersionOf(good));
        await Assert.ThrowsAsync<PostgresException>(() => refused);
        Assert.Empty(await log.Log.ReadStreamAsync(bad));
        await AssertValidAsync();
    }

    [Fact]
    public async Task A_writer_keeps_its_locks_until_its_group_has_committed()
    {
        var (counter, theLock) = (AssumptionOfUse.StreamId(Events.Id("AOU")), LogLock.Sole(Events.Id("numbering")));
        await log.Log.AppendAsync(StreamAppend.Start(counter, Events.Drafted(counter)), Events.Alice);
        var (held, first) = await HoldAGroupAsync();
        var seen = new List<long>();
        int Seen()
        {
            lock (seen) return seen.Count;
        }
        Task<AppendResult> Next() => log.Log.AppendAsync([theLock], async (connection, ct) =>
        {
            var version = await EventLog.StreamVersionAsync(connection, counter, ct);
            lock (seen) seen.Add(version);
            return [new StreamAppend(counter, version, [Events.Revised(counter, (int)version + 1)])];
        }, Events.Alice);
        var one = Next();
        // The first writer has decided and waits for its group, holding the lock; the second must wait for both.
        await WaitUntilAsync("the first writer's decide", () => Task.FromResult(Seen() == 1));
        var two = Next();
        await held.DisposeAsync();
        await Task.WhenAll(first, one, two);

        Assert.Equal([1L, 2L], seen);
        Assert.Equal([1L, 2L, 3L], (await log.Log.ReadStreamAsync(counter)).Select(e => e.Version));
    }

    [Fact]
    public async Task An_append_cancelled_while_it_waits_for_its_group_is_never_written()
    {
        var (kept, dropped) = (AssumptionOfUse.StreamId(Events.Id("AOU")), AssumptionOfUse.StreamId(Events.Id("AOU")));
        var (held, first) = await HoldAGroupAsync();
        using var cancel = new CancellationTokenSource();
        var stays = log.Log.AppendAsync(StreamAppend.Start(kept, Events.Drafted(kept)), Events.Alice);
        var goes = log.Log.AppendAsync(StreamAppend.Start(dropped, Events.Drafted(dropped)), Events.Alice, cancel.Token);
        await cancel.CancelAsync();
        await held.DisposeAsync();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => goes);
        Assert.Equal(1, (await stays).VersionOf(kept));
        Assert.Empty(await log.Log.ReadStreamAsync(dropped));
    }

    /// <summary>
    /// Occupies every group writer (<see cref="GroupCommit.MaxWriters"/>): one append after another to a stream whose row
    /// this test holds locked, each waiting on that lock before the next starts. Every append made before the lock is
    /// released then queues, and they go into one group together. Disposing the lock lets them all go.
    /// </summary>
    private async Task<(IAsyncDisposable Held, Task First)> HoldAGroupAsync()
    {
        var streams = Enumerable.Range(0, GroupCommit.MaxWriters).Select(_ => AssumptionOfUse.StreamId(Events.Id("AOU"))).ToList();
        await log.Log.AppendAsync(streams.Select(s => StreamAppend.Start(s, Events.Drafted(s))).ToList(), Events.Alice);
        var connection = await log.Owner.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT id FROM traceability.mt_streams WHERE id = ANY($1) FOR UPDATE", connection, transaction))
        {
            hold.Parameters.Add(new() { Value = streams.ToArray() });
            await hold.ExecuteNonQueryAsync();
        }
        var held = new List<Task>();
        foreach (var stream in streams)
        {
            held.Add(log.Log.AppendAsync(new StreamAppend(stream, 1, [Events.Revised(stream, 2)]), Events.Alice));
            await WaitUntilAsync($"{held.Count} groups waiting on the held rows", async () => await log.ScalarAsync("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'WITH fresh AS%' AND wait_event_type = 'Lock'
                """) >= held.Count);
        }
        return (new Release(connection, transaction), Task.WhenAll(held));
    }

    private sealed class Release(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Polls until <paramref name="done"/>; fails after 30 s.</summary>
    private static async Task WaitUntilAsync(string what, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    private async Task AssertValidAsync()
    {
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
    }
}
