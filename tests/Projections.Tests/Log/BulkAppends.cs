using JasperFx;
using Marten.Exceptions;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// Appends of <see cref="EventLog.BulkThreshold"/> events or more skip Marten's per-row append function: they must
/// store what Marten stores, sign and seal alike, keep the version checks, and feed the inline projections.
/// </summary>
public sealed class BulkAppends(LogFixture log) : IClassFixture<LogFixture>
{
    private const int Streams = EventLog.BulkThreshold + 20;

    [Fact]
    public async Task A_bulk_append_stores_the_rows_Marten_stores_and_verifies()
    {
        var single = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(single, Events.Drafted("by Marten")), Events.Alice);
        var streams = Enumerable.Range(0, Streams).Select(_ => AssumptionOfUse.StreamId(Events.Id("AOU"))).ToList();

        var result = await log.Log.AppendAsync(streams.Select(s => StreamAppend.Start(s, Events.Drafted(s), new AssumptionAccepted(s, 1))).ToList(), Events.Alice);

        Assert.All(streams, s => Assert.Equal(2, result.VersionOf(s)));
        var bulk = await log.Log.ReadStreamAsync(streams[7]);
        Assert.Equal([1L, 2L], bulk.Select(e => e.Version));
        Assert.Equal(Events.Drafted(streams[7]), bulk[0].Data);
        Assert.Equal(Events.Alice, bulk[1].Metadata);
        Assert.Equal(2, await log.Log.StreamVersionAsync(streams[7]));
        // Same columns as Marten's own rows: the .NET type name, the header names, the tenant.
        Assert.Equal(1, await log.ScalarAsync("""
            SELECT count(DISTINCT (mt_dotnet_type, tenant_id, (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(headers) k)))
            FROM traceability.mt_events WHERE type = 'assumption_drafted'
            """));
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
        Assert.True(verified.EventsChecked >= 2 * Streams + 1, $"{verified.EventsChecked} positions checked");
    }

    [Fact]
    public async Task A_bulk_append_starting_a_stream_that_exists_is_Martens_conflict_and_writes_nothing()
    {
        var taken = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(taken, Events.Drafted("first")), Events.Alice);
        var before = await log.ScalarAsync(WrittenEvents.CountSql);
        var appends = Enumerable.Range(0, Streams).Select(_ => StreamAppend.Start(AssumptionOfUse.StreamId(Events.Id("AOU")), Events.Drafted("x"))).ToList();

        var conflict = await Assert.ThrowsAsync<ExistingStreamIdCollisionException>(() => log.Log.AppendAsync([.. appends, StreamAppend.Start(taken, Events.Drafted("again"))], Events.Alice));

        Assert.Equal(taken, conflict.Id);
        Assert.Equal(before, await log.ScalarAsync(WrittenEvents.CountSql));
        Assert.Equal(0, await log.Log.StreamVersionAsync(appends[0].StreamId));
    }

    [Fact]
    public async Task A_bulk_append_from_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("s"), new AssumptionAccepted("s", 1)), Events.Alice);
        var before = await log.ScalarAsync(WrittenEvents.CountSql);
        var fresh = Enumerable.Range(0, Streams).Select(_ => StreamAppend.Start(AssumptionOfUse.StreamId(Events.Id("AOU")), Events.Drafted("y"))).ToList();

        await Assert.ThrowsAsync<ConcurrencyException>(() => log.Log.AppendAsync([.. fresh, new StreamAppend(stream, 1, [new AssumptionRetired("s", "stale")])], Events.Alice));

        Assert.Equal(before, await log.ScalarAsync(WrittenEvents.CountSql));
        Assert.Equal(2, await log.Log.StreamVersionAsync(stream));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Streams - 1)]
    public async Task A_bulk_append_with_an_event_the_database_refuses_writes_nothing(int refused)
    {
        // Every row but the last goes in while the append is being signed, and the last, carrying the signature,
        // after it: whichever of the two statements fails, the transaction takes the other with it.
        var before = await log.ScalarAsync(WrittenEvents.CountSql);
        var appends = Enumerable.Range(0, Streams).Select(i => StreamAppend.Start(AssumptionOfUse.StreamId(Events.Id("AOU")),
            Events.Drafted(i == refused ? "nul \u0000 in jsonb" : "fine"))).ToList();

        var refusal = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => log.Log.AppendAsync(appends, Events.Alice));

        Assert.Equal("22P05", refusal.SqlState);
        Assert.Equal(before, await log.ScalarAsync(WrittenEvents.CountSql));
        foreach (var append in appends) Assert.Equal(0, await log.Log.StreamVersionAsync(append.StreamId));
        var verified = await log.Verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
    }

    [Fact]
    public async Task The_inline_projections_see_a_bulk_append_in_its_transaction()
    {
        var baseline = Events.Id("bulk");
        var appends = Enumerable.Range(0, Streams).Select(i => StreamAppend.Start(Decision.StreamId(baseline, $"BULK_{i}"),
            Events.Proposed(baseline, $"BULK_{i}"))).ToList();

        await log.Log.AppendAsync(appends, Events.Alice);

        Assert.Equal(Streams, await log.ScalarAsync("SELECT count(*) FROM traceability.matrix_rows WHERE baseline = $1", baseline));
    }
}
