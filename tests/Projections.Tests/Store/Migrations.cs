using Npgsql;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Store;

public sealed class Migrations
{
    [Fact]
    public async Task Processes_starting_at_once_apply_each_migration_exactly_once()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("mig");
        try
        {
            var sources = Enumerable.Range(0, 4).Select(i => NpgsqlDataSource.Create(
                new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"process-{i}" }.ConnectionString)).ToList();
            var applied = await Task.WhenAll(sources.Select(s => Task.Run(() => SchemaMigrator.MigrateAsync(s))));

            Assert.Equal(SchemaMigrator.All.Count, applied.Sum());
            await using var command = sources[0].CreateCommand("SELECT count(*) FROM traceability.schema_migrations");
            Assert.Equal((long)SchemaMigrator.All.Count, await command.ExecuteScalarAsync());
            Assert.Equal(0, await SchemaMigrator.MigrateAsync(sources[0]));
            foreach (var s in sources) await s.DisposeAsync();
        }
        finally
        {
            await TestServer.DropDatabaseAsync(connectionString);
        }
    }
}
