using Npgsql;
using Traceability.Projections.Embedded;

namespace Traceability.Testing;

/// <summary>
/// One throwaway PostgreSQL server per test run, started by the product's own launcher in a temp
/// directory and stopped when the run ends. TRACEABILITY_TEST_CONNECTION (an admin connection
/// string) points the suite at an existing server instead.
/// </summary>
public static class TestServer
{
    public const string ExternalVariable = "TRACEABILITY_TEST_CONNECTION";
    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    /// <summary>A fresh, empty database on the run's server; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnection.Value;
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(await AdminConnection.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The test host may be torn down before ProcessExit finishes deleting; servers of runs whose
    /// process is gone are stopped by then, so their directories are removed here.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "traceability-tests-*"))
        {
            var pid = Path.GetFileName(directory).Split('-')[2];
            if (Directory.Exists($"/proc/{pid}") || File.Exists(Path.Combine(directory, "postmaster.pid"))) continue;
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalVariable);
        if (!string.IsNullOrWhiteSpace(external)) return external;
        RemoveLeftovers();
        var directory = Path.Combine(Path.GetTempPath(), $"traceability-tests-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = directory, Database = "postgres", Durable = false,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return server.ConnectionStringFor("postgres");
    }
}
