using Npgsql;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// The sealer finds new events by sequence number above a watermark (SealingFence), so the watermark must never pass
/// a number that can still commit: an append takes its numbers before it commits, and a later append may commit
/// first. Nor may anything outside the service make an event vanish from the chain unnoticed by moving it.
/// </summary>
public sealed class SealingBehindOpenAppends(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task An_append_that_took_its_numbers_before_a_later_one_committed_is_sealed_when_it_commits()
    {
        var early = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await using var open = log.Store.LightweightSession();
        await open.BeginTransactionAsync(CancellationToken.None);
        // From 100 events an append is written at once inside its owner's transaction, numbers and all.
        await log.Log.QueueAsync(open, [StreamAppend.Start(early, Events.History(early, EventLog.BulkThreshold))], Events.Alice);
        long earlyFirst;
        await using (var read = new NpgsqlCommand("SELECT min(seq_id) FROM traceability.mt_events WHERE stream_id = $1", open.Connection) { Parameters = { new() { Value = early } } })
            earlyFirst = (long)(await read.ExecuteScalarAsync())!;
        var openBackend = open.Connection!.ProcessID;
        var late = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(late, Events.Drafted("late")), Events.Alice);

        // Passes while the early append is open: the later one is sealed, and the watermark stays below the early one.
        await log.Log.Sealer.SealAsync();
        await log.Log.Sealer.SealAsync();
        Assert.Equal(1, await ChainedAsync(late));
        Assert.True(await log.ScalarAsync("SELECT seq_id FROM traceability.chain_watermark") < earlyFirst);
        Assert.Contains(openBackend, log.Log.Sealer.HeldBack!.Backends);

        await open.SaveChangesAsync();
        await log.Log.Sealer.SealAsync();

        Assert.Equal(EventLog.BulkThreshold, await ChainedAsync(early));
        Assert.Null(log.Log.Sealer.HeldBack);
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
    }

    [Fact]
    public async Task A_gap_filler_Marten_writes_after_the_watermark_passed_its_number_is_still_chained()
    {
        var gap = await AbandonedNumberAsync();
        await log.Log.AppendAsync(StreamAppend.Start(AssumptionOfUse.StreamId(Events.Id("AOU")), Events.Drafted("after")), Events.Alice);
        await log.Log.Sealer.SealAsync();
        await log.Log.Sealer.SealAsync();
        Assert.True(await log.ScalarAsync("SELECT seq_id FROM traceability.chain_watermark") >= gap);

        // What Marten's tombstone batch writes for a failed append, late: its stream, then an empty event with the used number.
        await using (var runtime = await log.Runtime.OpenConnectionAsync())
        await using (var write = new NpgsqlBatch(runtime)
        {
            BatchCommands =
            {
                new("INSERT INTO traceability.mt_streams (id, tenant_id, version, is_archived) VALUES ('mt_tombstone', '*DEFAULT*', 0, false) ON CONFLICT DO NOTHING"),
                new("""
                    INSERT INTO traceability.mt_events (seq_id, id, stream_id, version, data, type, "timestamp", tenant_id, mt_dotnet_type, is_archived)
                    VALUES ($1, gen_random_uuid(), 'mt_tombstone', $1, '{}', 'tombstone', now(), '*DEFAULT*', 'Marten.Events.Tombstone', false)
                    """) { Parameters = { new() { Value = gap } } },
            },
        })
            await write.ExecuteNonQueryAsync();

        var verified = await log.Verifier.VerifyAsync();

        Assert.True(verified.Valid, verified.Problem);
        Assert.Equal(1, await log.ScalarAsync("SELECT count(*) FROM traceability.event_chain WHERE seq_id = $1", gap));
    }

    private async Task<long> AbandonedNumberAsync()
    {
        await using var runtime = await log.Runtime.OpenConnectionAsync();
        await using var transaction = await runtime.BeginTransactionAsync();
        await using var take = new NpgsqlCommand("SELECT nextval('traceability.mt_events_sequence')", runtime);
        var number = (long)(await take.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return number;
    }

    private Task<long> ChainedAsync(string stream) => log.ScalarAsync(
        "SELECT count(*) FROM traceability.event_chain c JOIN traceability.mt_events e USING (seq_id) WHERE e.stream_id = $1", stream);
}

/// <summary>The watermark is not trusted: the runtime role may move it, and what it skips is reported (a log of its own: it stays broken).</summary>
public sealed class WatermarkMovedByHand(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task A_watermark_moved_past_new_events_by_the_runtime_role_leaves_them_unchained_and_verify_names_the_first()
    {
        await log.Log.Sealer.SealAsync();
        await using (var runtime = await log.Runtime.OpenConnectionAsync())
        await using (var skip = new NpgsqlCommand("UPDATE traceability.chain_watermark SET seq_id = seq_id + 1000", runtime))
            await skip.ExecuteNonQueryAsync();
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("skipped")), Events.Alice);

        var verified = await log.Verifier.VerifyAsync();

        Assert.False(verified.Valid);
        Assert.Equal(await log.ScalarAsync("SELECT min(seq_id) FROM traceability.mt_events WHERE stream_id = $1", stream), verified.UnchainedSequence);
        Assert.Contains($"({stream} v1, assumption_drafted) is in the log but not in the chain", verified.Problem, StringComparison.Ordinal);
    }
}
