using Marten.Exceptions;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

public sealed class AppendAndRead(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task A_started_stream_reads_back_with_versions_metadata_types_and_positions_once_sealed()
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("a1"), new AssumptionRevised("a1", 2, "environment", "EL1 only", "why")), Events.Alice);
        var head = await log.Log.Sealer.SealAsync();

        var events = await log.Log.ReadStreamAsync(stream);

        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(Events.Drafted("a1"), events[0].Data);
        Assert.Equal("assumption_drafted", events[0].Type);
        Assert.Equal(Events.Alice, events[0].Metadata);
        Assert.Equal(events[0].Timestamp, events[1].Timestamp);
        Assert.Equal([head.Position - 1, head.Position], events.Select(e => e.Position));
        Assert.Equal(2, await log.Log.StreamVersionAsync(stream));
    }

    [Fact]
    public async Task Starting_an_existing_stream_is_a_conflict_and_writes_nothing()
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("b")), Events.Alice);

        await Assert.ThrowsAsync<ExistingStreamIdCollisionException>(() => log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("b2")), Events.Alice));

        Assert.Single(await log.Log.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task A_multi_stream_append_is_all_or_nothing()
    {
        var (kept, fresh) = (AssumptionOfUse.StreamId(Events.Id("AOU")), AssumptionOfUse.StreamId(Events.Id("AOU")));
        await log.Log.AppendAsync(StreamAppend.Start(kept, Events.Drafted("c")), Events.Alice);
        // Not counting Marten's tombstones: after a failed save it writes them in the background, so they may land at any moment.
        var before = await log.ScalarAsync(WrittenEvents.CountSql);

        await Assert.ThrowsAnyAsync<Exception>(() => log.Log.AppendAsync(
            [StreamAppend.Start(fresh, Events.Drafted("new")), new StreamAppend(kept, 7, [new AssumptionAccepted("c", 1)])], Events.Alice));

        Assert.Equal(before, await log.ScalarAsync(WrittenEvents.CountSql));
        Assert.Equal(0, await log.Log.StreamVersionAsync(fresh));
        var result = await log.Log.AppendAsync([StreamAppend.Start(fresh, Events.Drafted("new")), new StreamAppend(kept, 1, [new AssumptionAccepted("c", 1)])], Events.Alice);
        Assert.Equal((1L, 2L), (result.VersionOf(fresh), result.VersionOf(kept)));
    }

    [Fact]
    public async Task An_append_that_states_no_expected_version_is_refused_before_anything_is_written()
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("d")), Events.Alice);
        await using var session = log.Store.LightweightSession();
        session.Events.Append(stream, new AssumptionAccepted("d", 1));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => session.SaveChangesAsync());

        Assert.Contains("states no expected version", refused.Message, StringComparison.Ordinal);
        Assert.Single(await log.Log.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task An_event_type_this_build_does_not_know_fails_loudly_on_read()
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("e")), Events.Alice);
        await log.ExecuteAsync("""
            ALTER TABLE traceability.mt_events DISABLE TRIGGER mt_events_append_only;
            UPDATE traceability.mt_events SET type = 'assumption_from_the_future' WHERE stream_id = $1;
            ALTER TABLE traceability.mt_events ENABLE TRIGGER mt_events_append_only;
            """, stream);

        var unknown = await Assert.ThrowsAsync<UnknownEventType>(() => log.Log.ReadStreamAsync(stream));

        Assert.Contains("assumption_from_the_future", unknown.Message, StringComparison.Ordinal);
    }
}
