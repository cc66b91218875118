using Npgsql;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// The security review's forgery: with the runtime role's own credentials (which may INSERT into the log),
/// an assessor's approval is written straight into mt_events, chained with a correct link. The chain alone
/// would vouch for it; the service's signature does not, and verify names the position. Each case gets
/// a database of its own: a forged log stays forged.
/// </summary>
public sealed class MadeUpApproval(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task A_made_up_approval_with_a_correct_chain_link_is_reported_as_not_written_by_the_service()
    {
        var (baseline, symbol) = await Forger.ProposedAsync(log);
        var position = await Forger.InsertAsync(log, Decision.StreamId(baseline, symbol), 2, "decision_approved",
            $$"""{"baseline":"{{baseline}}","symbol":"{{symbol}}","revision":1,"meaning":"Approved"}""", """{"role":"assessor"}""", "assessor-1");

        var result = await log.Verifier.VerifyAsync();

        Assert.False(result.Valid);
        Assert.Equal(position, result.FirstBrokenPosition);
        Assert.Contains("no signature of the service", result.Problem, StringComparison.Ordinal);
    }
}

public sealed class CopiedIntoAnotherDecision(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task A_genuine_event_copied_with_its_signature_into_another_stream_is_reported()
    {
        var (baseline, symbol) = await Forger.ProposedAsync(log);
        var (other, _) = await Forger.ProposedAsync(log);
        var genuine = await Forger.CopyAsync(log, Decision.StreamId(baseline, symbol));
        var position = await Forger.InsertAsync(log, Decision.StreamId(other, symbol), 2, genuine.Type, genuine.Data, genuine.Headers, genuine.User);

        var result = await log.Verifier.VerifyAsync();

        Assert.Equal((false, position), (result.Valid, result.FirstBrokenPosition));
        Assert.Contains("does not match the service's signature", result.Problem, StringComparison.Ordinal);
    }
}

public sealed class CopiedToAnotherVersion(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task A_genuine_event_copied_with_its_signature_as_a_later_version_of_its_stream_is_reported()
    {
        var (baseline, symbol) = await Forger.ProposedAsync(log);
        var genuine = await Forger.CopyAsync(log, Decision.StreamId(baseline, symbol));
        var position = await Forger.InsertAsync(log, Decision.StreamId(baseline, symbol), 2, genuine.Type, genuine.Data, genuine.Headers, genuine.User);

        var result = await log.Verifier.VerifyAsync();

        Assert.Equal((false, position), (result.Valid, result.FirstBrokenPosition));
        Assert.Contains("does not match the service's signature", result.Problem, StringComparison.Ordinal);
    }
}

/// <summary>What an attacker holding the runtime role's password can do: INSERT rows, and chain them correctly himself.</summary>
internal static class Forger
{
    public sealed record Row(string Type, string Data, string Headers, string User);

    /// <summary>A genuine proposal, written through the service; the log verifies.</summary>
    public static async Task<(string Baseline, string Symbol)> ProposedAsync(LogFixture log)
    {
        var baseline = Events.Id("bl");
        await log.Log.AppendAsync(StreamAppend.Start(Decision.StreamId(baseline, "FUTEX"), Events.Proposed(baseline, "FUTEX")), Events.Alice);
        Assert.True((await log.Verifier.VerifyAsync()).Valid);
        return (baseline, "FUTEX");
    }

    public static async Task<Row> CopyAsync(LogFixture log, string stream)
    {
        await using var runtime = new NpgsqlConnection(log.RuntimeConnectionString);
        await runtime.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT type, data::text, headers::text, user_name FROM traceability.mt_events WHERE stream_id = $1 ORDER BY version LIMIT 1", runtime);
        read.Parameters.Add(new() { Value = stream });
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
    }

    /// <summary>Inserts the event, then seals it before the service can: computes the next link and writes the chain row.</summary>
    public static async Task<long> InsertAsync(LogFixture log, string stream, long version, string type, string data, string headers, string user)
    {
        await using var runtime = new NpgsqlConnection(log.RuntimeConnectionString);
        await runtime.OpenAsync();
        await using var transaction = await runtime.BeginTransactionAsync();
        long sequence;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO traceability.mt_events (seq_id, id, stream_id, version, data, type, "timestamp", headers, user_name)
            VALUES (nextval('traceability.mt_events_sequence'), gen_random_uuid(), $1, $2, $3::jsonb, $4, now(), $5::jsonb, $6)
            RETURNING seq_id
            """, runtime))
        {
            foreach (var value in new object[] { stream, version, data, type, headers, user }) insert.Parameters.Add(new() { Value = value });
            sequence = (long)(await insert.ExecuteScalarAsync())!;
        }
        await transaction.CommitAsync();
        return await ChainItYourselfAsync(runtime, sequence);
    }

    private static async Task<long> ChainItYourselfAsync(NpgsqlConnection runtime, long sequence)
    {
        await using var transaction = await runtime.BeginTransactionAsync();
        var head = await ChainReads.HeadAsync(runtime, CancellationToken.None);
        StoredEvent forged;
        await using (var read = new NpgsqlCommand($"SELECT {StoredEvent.Columns} FROM traceability.mt_events e WHERE e.seq_id = $1", runtime))
        {
            read.Parameters.Add(new() { Value = sequence });
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            forged = StoredEvent.Read(reader);
        }
        var rows = ChainPass.Link(head, MicrosecondClock.Instance.GetUtcNow(), [forged]);
        await using (var write = new NpgsqlCommand("""
            INSERT INTO traceability.event_chain (position, seq_id, event_id, digest, link, chained_at, batch_end) VALUES ($1, $2, $3, $4, $5, $6, $1)
            """, runtime))
        {
            var r = rows[0];
            foreach (var value in new object[] { r.Position, r.Sequence, r.EventId, r.Digest, r.Link, r.ChainedAt }) write.Parameters.Add(new() { Value = value });
            await write.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return rows[0].Position;
    }
}
