using Marten;
using Npgsql;
using Traceability.Domain.Baselines;
using Traceability.Projections.Audit;
using Traceability.Projections.Events;
using Traceability.Projections.Legacy;
using Traceability.Projections.Matrix;
using Traceability.Projections.ReadModels;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Legacy;

/// <summary>
/// Release 0.1.0's database (its own traceability.events) opened by this build: its chain is verified, every
/// event is copied into Marten's tables in order with its actor, role, reason and time, the new chain links
/// to the old head, the copy is an event of its own, and the read models are rebuilt from the copy.
/// </summary>
public sealed class Upgrade : IAsyncLifetime
{
    private string _owner = "";
    private NpgsqlDataSource _ownerSource = null!;
    private readonly ServiceKey _key = TestKeys.ServiceKey();

    public async Task InitializeAsync()
    {
        _owner = await LegacyDatabase.RestoreAsync();
        _ownerSource = NpgsqlDataSource.Create(_owner);
        await SchemaMigrator.MigrateAsync(_ownerSource);
    }

    [Fact]
    public async Task Every_event_of_the_old_log_is_copied_in_order_with_its_metadata_and_the_new_chain_continues_the_old_one()
    {
        var migrated = await LegacyUpgrade.RunAsync(_ownerSource, _key);
        var (log, verifier) = Open();
        await log.Sealer.SealAsync();

        Assert.NotNull(migrated);
        Assert.Equal((LegacyDatabase.Events, LegacyDatabase.Head), (migrated.Events, migrated.LegacyHead));
        Assert.Equal(await LegacyDatabase.LegacyEventsAsync(_ownerSource), await LegacyDatabase.CopiedEventsAsync(_ownerSource));
        Assert.Equal(LegacyDatabase.Head, Convert.ToHexStringLower(await ChainReads.GenesisAsync(_ownerSource, CancellationToken.None)));
        var last = (await log.ReadStreamAsync(LogEvents.MigrationStream)).Single();
        Assert.Equal(LegacyDatabase.Events + 1, last.Position);
        var verified = await verifier.VerifyAsync();
        Assert.True(verified.Valid, verified.Problem);
        Assert.Null(await LegacyUpgrade.RunAsync(_ownerSource, _key));
    }

    [Fact]
    public async Task The_read_models_rebuilt_from_the_copy_answer_as_the_old_release_did()
    {
        const string Links = "SELECT string_agg(concat_ws('|', decision_stream, kind, target), ',' ORDER BY decision_stream, kind, target) FROM traceability.decision_links";
        const string Keys = "SELECT string_agg(concat_ws('|', name, role, key_hash, revoked IS NULL), ',' ORDER BY name) FROM traceability.api_keys";
        var (oldLinks, oldKeys) = (await TextAsync(Links), await TextAsync(Keys));
        await LegacyUpgrade.RunAsync(_ownerSource, _key);
        var (log, _) = Open();
        var rebuilt = await new ReadModelRebuild(log).RunAsync();

        var frozen = Baseline.Evolve(null, (await log.ReadStreamAsync(Baseline.StreamId("amd64-6.1")))[0].Data);
        foreach (var e in (await log.ReadStreamAsync(Baseline.StreamId("amd64-6.1"))).Skip(1)) frozen = Baseline.Evolve(frozen, e.Data);
        Assert.True(frozen!.Frozen);
        var rows = await MatrixHistory.AtAsync(log, "arm64-6.12", long.MaxValue);
        Assert.Contains(rows, r => r.Symbol == "SLAB" && r.SymbolMissing);
        Assert.Equal(await CountAsync("SELECT count(*) FROM traceability.matrix_rows"), rebuilt.MatrixRows);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM traceability.api_keys WHERE name = 'to-revoke' AND revoked IS NOT NULL"));
        Assert.Equal((oldLinks, oldKeys), (await TextAsync(Links), await TextAsync(Keys)));
    }

    [Fact]
    public async Task An_export_from_the_upgraded_log_starts_at_the_old_head_and_is_VALID_for_both_verifiers()
    {
        await LegacyUpgrade.RunAsync(_ownerSource, _key);
        var (log, _) = Open();
        var head = await log.Sealer.SealAsync();
        var events = await AuditLog.ReadAsync(_ownerSource, "amd64-6.1", head.Position, CancellationToken.None);
        var (integrity, keys) = ExportIntegrity.Check(events, new TrustedKeys(_key, []));
        var signer = new ManifestSigner(_key);
        var genesis = await ChainReads.GenesisAsync(_ownerSource, CancellationToken.None);
        var export = ExportBuilder.Prepare(new ExportInput(events, genesis, keys, integrity), AuditDossier.Build(events, "amd64-6.1")!, signer);
        var zip = ExportBuilder.Zip(export, signer.Sign(export.Manifest));

        Assert.True(integrity.Authenticated, integrity.FirstProblem);
        Assert.Equal(LegacyDatabase.Head, Convert.ToHexStringLower(genesis));
        var verified = ExportVerifier.Verify(new MemoryStream(zip), [_key.PublicKey.PublicKeyPem]);
        Assert.True(verified.Valid, string.Join("; ", verified.Failures.Select(f => f.ToString())));
        var run = await VerifyExportPy.RunAsync(zip, _key.PublicKey.PublicKeyPem);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"positions 1..{head.Position} linked from genesis", run.Stdout, StringComparison.Ordinal);
    }


    [Fact]
    public async Task An_old_log_that_does_not_verify_is_not_copied()
    {
        await using (var command = _ownerSource.CreateCommand("""
            ALTER TABLE traceability.legacy_events DISABLE TRIGGER events_append_only;
            UPDATE traceability.legacy_events SET data = jsonb_set(data, '{rationale}', '"forged"') WHERE seq_id = 60;
            ALTER TABLE traceability.legacy_events ENABLE TRIGGER events_append_only;
            """)) await command.ExecuteNonQueryAsync();

        var broken = await Assert.ThrowsAsync<LegacyLogBroken>(() => LegacyUpgrade.RunAsync(_ownerSource, _key));

        Assert.Contains("seq_id 60", broken.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM traceability.mt_events"));
    }

    private (EventLog Log, LogVerifier Verifier) Open()
    {
        var store = DocumentStore.For(o => MartenConfiguration.Configure(o, _ownerSource, _key));
        var sealer = new ChainSealer(_ownerSource);
        return (new EventLog(store, _ownerSource, sealer, _key), new LogVerifier(_ownerSource, sealer, new TrustedKeys(_key, [])));
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var command = _ownerSource.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = _ownerSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await _ownerSource.DisposeAsync();
        _key.Dispose();
        await TestServer.DropDatabaseAsync(_owner);
    }
}
