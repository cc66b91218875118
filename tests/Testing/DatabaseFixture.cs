using Npgsql;
using Xunit;
using Traceability.Projections.Events;

namespace Traceability.Testing;

/// <summary>A fresh, migrated database for one test class, so classes run in parallel without sharing rows.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("t");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await SchemaMigrator.MigrateAsync(DataSource);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestServer.DropDatabaseAsync(ConnectionString);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
