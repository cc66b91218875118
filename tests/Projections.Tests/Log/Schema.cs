using Npgsql;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Log;

public sealed class Schema(LogFixture log) : IClassFixture<LogFixture>
{
    /// <summary>The numbered migrations hold Marten's exported DDL: if Marten's configuration or version changes, this fails first.</summary>
    [Fact]
    public async Task The_migrated_database_matches_martens_configuration()
    {
        await log.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }

    [Fact]
    public async Task Migrations_are_applied_once_in_order_and_refuse_an_edited_one()
    {
        Assert.Equal(0, await SchemaMigrator.MigrateAsync(log.Owner));
        Assert.Equal(SchemaMigrator.All.Count, await log.ScalarAsync("SELECT count(*) FROM traceability.schema_migrations"));
        await log.ExecuteAsync("UPDATE traceability.schema_migrations SET sha256 = 'edited' WHERE version = 9");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(log.Owner));
        Assert.Contains("must never be edited", refused.Message, StringComparison.Ordinal);
        await log.ExecuteAsync($"UPDATE traceability.schema_migrations SET sha256 = '{SchemaMigrator.All.Single(m => m.Version == 9).Sha256}' WHERE version = 9");
    }

    [Theory]
    [InlineData("mt_events", "INSERT", true)]
    [InlineData("mt_events", "UPDATE", false)]
    [InlineData("mt_events", "DELETE", false)]
    [InlineData("mt_events", "TRUNCATE", false)]
    [InlineData("event_chain", "INSERT", true)]
    [InlineData("event_chain", "UPDATE", false)]
    [InlineData("event_chain", "DELETE", false)]
    [InlineData("mt_streams", "DELETE", false)]
    [InlineData("chain_genesis", "INSERT", false)]
    [InlineData("legacy_events", "INSERT", false)]
    [InlineData("chain_watermark", "UPDATE", true)]
    [InlineData("chain_watermark", "DELETE", false)]
    [InlineData("chain_watermark", "TRUNCATE", false)]
    public async Task The_runtime_role_may_append_to_the_log_but_never_change_it(string table, string privilege, bool granted)
    {
        await using var connection = new NpgsqlConnection(log.RuntimeConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT has_table_privilege('traceability.{table}', '{privilege}')", connection);
        Assert.Equal(granted, (bool)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>The sealer's watermark reads the last number nextval handed out: with a cache, a session could hand out a lower one later.</summary>
    [Fact]
    public async Task The_event_sequence_hands_out_one_number_at_a_time()
    {
        Assert.Equal(1, await log.ScalarAsync(
            "SELECT cache_size FROM pg_sequences WHERE schemaname = 'traceability' AND sequencename = 'mt_events_sequence'"));
    }
}
