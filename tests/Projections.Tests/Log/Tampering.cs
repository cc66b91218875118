using Npgsql;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>The log's tables refuse change even to their owner.</summary>
public sealed class TamperingIsRefused(LogFixture log) : IClassFixture<LogFixture>
{
    [Theory]
    [InlineData("UPDATE traceability.mt_events SET data = '{}' WHERE seq_id = (SELECT min(seq_id) FROM traceability.mt_events)")]
    [InlineData("DELETE FROM traceability.mt_events WHERE seq_id = (SELECT min(seq_id) FROM traceability.mt_events)")]
    [InlineData("TRUNCATE traceability.mt_events CASCADE")]
    [InlineData("DELETE FROM traceability.mt_streams")]
    [InlineData("UPDATE traceability.event_chain SET link = digest")]
    [InlineData("DELETE FROM traceability.event_chain")]
    public async Task Changing_history_through_plain_sql_is_refused_even_to_the_owner(string sql)
    {
        await SeedAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => log.ExecuteAsync(sql));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.True((await log.Verifier.VerifyAsync()).Valid);
    }

    private Task<string> SeedAsync() => Seed.AssumptionAsync(log);
}

/// <summary>What slips past with the guards switched off is named by verify, by position.</summary>
public sealed class TamperingIsNamed(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task An_event_changed_with_the_guard_disabled_is_named_by_its_position()
    {
        var stream = await Seed.AssumptionAsync(log);
        var position = await log.ScalarAsync("""
            SELECT c.position FROM traceability.event_chain c JOIN traceability.mt_events e USING (seq_id) WHERE e.stream_id = $1 AND e.version = 2
            """, stream);

        await log.ExecuteAsync("""
            ALTER TABLE traceability.mt_events DISABLE TRIGGER mt_events_append_only;
            UPDATE traceability.mt_events SET data = jsonb_set(data, '{text}', '"forged"') WHERE stream_id = $1 AND version = 2;
            ALTER TABLE traceability.mt_events ENABLE TRIGGER mt_events_append_only;
            """, stream);
        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Valid);
        Assert.Equal(position, result.FirstBrokenPosition);
        Assert.Contains("was changed after it was sealed", result.Problem, StringComparison.Ordinal);
    }
}

internal static class Seed
{
    public static async Task<string> AssumptionAsync(LogFixture log)
    {
        var stream = AssumptionOfUse.StreamId(Events.Id("AOU"));
        await log.Log.AppendAsync(StreamAppend.Start(stream, Events.Drafted("t"), new AssumptionRevised("t", 2, "env", "ünïcødé \"quoted\"\nline", "why")), Events.Alice);
        await log.Log.Sealer.SealAsync();
        return stream;
    }
}
