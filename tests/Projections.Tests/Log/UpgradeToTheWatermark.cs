using Marten;
using Npgsql;
using Traceability.Domain.Assumptions;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// Migration 0015 replaces the sealer's queue (0010's trigger and chain_pending) with a watermark. A database an
/// earlier build left with events still queued keeps them: the watermark starts below the first queued event, even
/// when a later event was sealed already (an append that committed late), nothing is sealed twice, and the log verifies.
/// </summary>
public sealed class UpgradeToTheWatermark : IAsyncLifetime
{
    private string _connectionString = "";
    private NpgsqlDataSource _owner = null!;
    private readonly ServiceKey _key = TestKeys.ServiceKey();

    public async Task InitializeAsync()
    {
        _connectionString = await TestServer.CreateDatabaseAsync("upgrade-watermark");
        _owner = NpgsqlDataSource.Create(_connectionString);
    }

    [Fact]
    public async Task Events_still_queued_when_0015_runs_are_sealed_once_and_the_log_verifies()
    {
        await SchemaMigrator.MigrateAsync(_owner, upTo: 14);
        using (var store = DocumentStore.For(o => MartenConfiguration.Configure(o, _owner, _key)))
        {
            var log = new EventLog(store, _owner, new ChainSealer(_owner), _key);
            await log.AppendAsync([StreamAppend.Start(AssumptionOfUse.StreamId("AOU-0001"), Events.Drafted("AOU-0001")),
                StreamAppend.Start(AssumptionOfUse.StreamId("AOU-0002"), Events.Drafted("AOU-0002"))], Events.Alice);
            await log.AppendAsync(StreamAppend.Start(AssumptionOfUse.StreamId("AOU-0003"), Events.Drafted("AOU-0003")), Events.Alice);
        }
        Assert.Equal(3, await ScalarAsync("SELECT count(*) FROM traceability.chain_pending"));
        await SealTheLastEventAsTheEarlierBuildDidAsync();

        await SchemaMigrator.MigrateAsync(_owner);

        Assert.Equal(await ScalarAsync("SELECT min(seq_id) - 1 FROM traceability.mt_events"), await ScalarAsync("SELECT seq_id FROM traceability.chain_watermark"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM pg_class WHERE relname = 'chain_pending'"));
        var sealer = new ChainSealer(_owner);
        Assert.Equal(3, (await sealer.SealAsync()).Position);
        var verified = await new LogVerifier(_owner, sealer, new TrustedKeys(_key, [])).VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
        Assert.Equal(3, verified.EventsChecked);
    }

    /// <summary>What the queue's sealer did for an event that committed before the others: chain it, and take it off the queue.</summary>
    private async Task SealTheLastEventAsTheEarlierBuildDidAsync()
    {
        await using var connection = await _owner.OpenConnectionAsync();
        var head = await ChainReads.HeadAsync(connection, CancellationToken.None);
        var events = new List<StoredEvent>();
        await using (var read = new NpgsqlCommand($"SELECT {StoredEvent.Columns} FROM traceability.mt_events e ORDER BY e.seq_id DESC LIMIT 1", connection))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) events.Add(StoredEvent.Read(reader));
        foreach (var row in ChainPass.Link(head, MicrosecondClock.Instance.GetUtcNow(), events))
        {
            var values = new object[] { row.Position, row.Sequence, row.EventId, row.Digest, row.Link, row.ChainedAt, row.BatchEnd };
            await using var write = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new("INSERT INTO traceability.event_chain (position, seq_id, event_id, digest, link, chained_at, batch_end) VALUES ($1, $2, $3, $4, $5, $6, $7)"),
                    new("DELETE FROM traceability.chain_pending WHERE seq_id = $1") { Parameters = { new() { Value = row.Sequence } } },
                },
            };
            foreach (var value in values) write.BatchCommands[0].Parameters.Add(new() { Value = value });
            await write.ExecuteNonQueryAsync();
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = _owner.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        await _owner.DisposeAsync();
        _key.Dispose();
        await TestServer.DropDatabaseAsync(_connectionString);
    }
}
