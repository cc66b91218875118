using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Store;

public sealed class AppendAndRead(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly EventStore _store = TestEvents.Store(db.DataSource);

    [Fact]
    public async Task A_started_stream_reads_back_with_versions_metadata_and_types()
    {
        await _store.AppendAsync(StreamAppend.Start("note/a", "note", new Noted("first", 1), new Noted("second", 2)), TestEvents.Alice);

        var events = await _store.ReadStreamAsync("note/a");

        Assert.Equal([1L, 2L], events.Select(e => e.Version));
        Assert.Equal(new Noted("second", 2), events[1].Data);
        Assert.Equal("noted", events[0].Type);
        Assert.Equal(TestEvents.Alice, events[0].Metadata);
        Assert.Equal(2, await _store.StreamVersionAsync("note/a"));
    }

    [Fact]
    public async Task Starting_an_existing_stream_is_a_typed_conflict()
    {
        await _store.AppendAsync(StreamAppend.Start("note/b", "note", new Noted("x", 1)), TestEvents.Alice);

        var conflict = await Assert.ThrowsAsync<StreamVersionConflict>(() =>
            _store.AppendAsync(StreamAppend.Start("note/b", "note", new Noted("y", 2)), TestEvents.Alice));

        Assert.Equal(1, conflict.Actual);
        Assert.Single(await _store.ReadStreamAsync("note/b"));
    }

    [Fact]
    public async Task A_multi_stream_append_is_all_or_nothing()
    {
        await _store.AppendAsync(StreamAppend.Start("note/c1", "note", new Noted("x", 1)), TestEvents.Alice);
        var before = await db.ScalarAsync("SELECT count(*) FROM traceability.events");

        await Assert.ThrowsAsync<StreamVersionConflict>(() => _store.AppendAsync(
            [StreamAppend.Start("note/c2", "note", new Noted("new", 1)), new StreamAppend("note/c1", "note", 7, [new Counted(1)])],
            TestEvents.Alice));

        Assert.Equal(before, await db.ScalarAsync("SELECT count(*) FROM traceability.events"));
        Assert.Equal(0, await _store.StreamVersionAsync("note/c2"));

        var result = await _store.AppendAsync(
            [StreamAppend.Start("note/c2", "note", new Noted("new", 1)), new StreamAppend("note/c1", "note", 1, [new Counted(1)])],
            TestEvents.Alice);
        Assert.Equal(1, result.VersionOf("note/c2"));
        Assert.Equal(2, result.VersionOf("note/c1"));
    }

    [Fact]
    public async Task A_stream_reads_up_to_a_version_a_seq_id_or_a_moment()
    {
        var first = await _store.AppendAsync(StreamAppend.Start("note/d", "note", new Counted(1)), TestEvents.Alice);
        var afterFirst = (await _store.ReadStreamAsync("note/d"))[0].Timestamp;
        await _store.AppendAsync(new StreamAppend("note/d", "note", 1, [new Counted(2), new Counted(3)]), TestEvents.Alice);

        Assert.Equal(2, (await _store.ReadStreamAsync("note/d", new ReadBound(MaxVersion: 2))).Count);
        Assert.Single(await _store.ReadStreamAsync("note/d", new ReadBound(MaxSeqId: first.LastSeqId)));
        Assert.Single(await _store.ReadStreamAsync("note/d", new ReadBound(AsOf: afterFirst)));
        Assert.Equal(3, (await _store.ReadStreamAsync("note/d")).Count);
    }

    [Fact]
    public async Task The_global_log_reads_from_a_position_in_seq_id_order()
    {
        var a = await _store.AppendAsync(StreamAppend.Start("note/e1", "note", new Counted(1)), TestEvents.Alice);
        await _store.AppendAsync(StreamAppend.Start("note/e2", "note", new Counted(2), new Counted(3)), TestEvents.Alice);

        var tail = await _store.ReadAllAsync(a.LastSeqId, 100);

        Assert.Equal([a.LastSeqId + 1, a.LastSeqId + 2], tail.Take(2).Select(e => e.SeqId));
        Assert.All(tail.Zip(tail.Skip(1)), pair => Assert.True(pair.First.SeqId < pair.Second.SeqId));
    }

    [Fact]
    public async Task A_bulk_append_large_enough_for_copy_reads_back_whole_with_a_valid_chain()
    {
        var appends = Enumerable.Range(0, 4).Select(s => StreamAppend.Start(
            $"bulk/{s}", "bulk", Enumerable.Range(1, 250).Select(i => (object)new Noted($"ü \"{i}\"", i)).ToArray())).ToList();

        var result = await _store.AppendAsync(appends, TestEvents.Alice);

        Assert.Equal(999, result.LastSeqId - result.FirstSeqId);
        var stream = await _store.ReadStreamAsync("bulk/3");
        Assert.Equal(Enumerable.Range(1, 250), stream.Select(e => ((Noted)e.Data).Number));
        Assert.Equal(TestEvents.Alice, stream[^1].Metadata);
        Assert.Null((await _store.ReadAllAsync(0, 1))[0].PrevHash);
        Assert.True((await HashChainVerifier.VerifyAsync(db.DataSource)).Valid);
    }

    [Fact]
    public async Task An_event_type_missing_from_the_registry_fails_loudly()
    {
        var other = new EventStore(db.DataSource, new EventSerializer(new EventTypeRegistry([("counted", typeof(Counted))])), []);
        await _store.AppendAsync(StreamAppend.Start("note/f", "note", new Noted("x", 1)), TestEvents.Alice);

        await Assert.ThrowsAsync<UnknownEventType>(() => other.ReadStreamAsync("note/f"));
        await Assert.ThrowsAsync<UnknownEventType>(() => other.AppendAsync(StreamAppend.Start("note/g", "note", new Noted("x", 1)), TestEvents.Alice));
    }
}
