using System.Security.Cryptography;
using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Testing;

/// <summary>
/// What an operator of an external server does (README): migrate as the owner, then run the service as a
/// login role granted traceability_app. One login per test database, so the API suite runs with the
/// production privileges and a missing grant fails a test instead of a deployment.
/// </summary>
public static class RuntimeLogins
{
    public static async Task<string> CreateAsync(string ownerConnectionString)
    {
        await using (var owner = NpgsqlDataSource.Create(ownerConnectionString)) await SchemaMigrator.MigrateAsync(owner);
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var login = $"app_{builder.Database}";
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE ROLE \"{login}\" LOGIN PASSWORD '{password}' IN ROLE traceability_app", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = login, Password = password }.ConnectionString;
    }

    /// <summary>After the database is dropped: the login owns nothing, so it goes without a trace.</summary>
    public static async Task DropAsync(string ownerConnectionString, string runtimeConnectionString)
    {
        var login = new NpgsqlConnectionStringBuilder(runtimeConnectionString).Username!;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{login}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
