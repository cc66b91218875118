using Npgsql;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Store;

public sealed class TamperEvidence(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly EventStore _store = TestEvents.Store(db.DataSource);

    [Theory]
    [InlineData("UPDATE traceability.events SET data = '{\"text\":\"forged\",\"number\":1}' WHERE seq_id = 1")]
    [InlineData("DELETE FROM traceability.events WHERE seq_id = 1")]
    [InlineData("TRUNCATE traceability.events CASCADE")]
    public async Task Changing_history_through_plain_sql_is_refused(string sql)
    {
        await Seed();
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(sql));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.True((await HashChainVerifier.VerifyAsync(db.DataSource)).Valid);
    }

    [Fact]
    public async Task A_row_modified_with_the_guard_disabled_is_named_by_verify()
    {
        await Seed();
        var target = await db.ScalarAsync("SELECT seq_id FROM traceability.events WHERE stream_id = 'tamper/a' AND version = 2");
        var intact = await HashChainVerifier.VerifyAsync(db.DataSource);
        Assert.True(intact.Valid);

        await db.ExecuteAsync($"""
            ALTER TABLE traceability.events DISABLE TRIGGER events_append_only;
            UPDATE traceability.events SET data = jsonb_set(data, '{"{by}"}', '999') WHERE seq_id = {target};
            ALTER TABLE traceability.events ENABLE TRIGGER events_append_only;
            """);
        var result = await HashChainVerifier.VerifyAsync(db.DataSource);

        Assert.False(result.Valid);
        Assert.Equal(target, result.FirstBrokenSeqId);
        Assert.Contains("content", result.Problem, StringComparison.Ordinal);
    }

    private async Task Seed()
    {
        if (await _store.StreamVersionAsync("tamper/a") > 0) return;
        await _store.AppendAsync(StreamAppend.Start("tamper/a", "tamper", new Counted(1), new Counted(2), new Counted(3)), TestEvents.Alice);
        await _store.AppendAsync(StreamAppend.Start("tamper/b", "tamper", new Noted("ünïcødé \"quoted\" \n line", 7)), TestEvents.Alice);
    }
}
