using Npgsql;

namespace Traceability.Testing;

/// <summary>
/// One throwaway PostgreSQL server per test run (per test assembly), stopped when the run ends; each
/// test class gets a fresh database on it. Where it comes from is <see cref="TestServerChoice"/>'s
/// answer: a Testcontainers container or the product's own launcher. TRACEABILITY_TEST_CONNECTION
/// (an admin connection string) points the suite at an existing server instead.
/// </summary>
public static class TestServer
{
    public const string ExternalVariable = "TRACEABILITY_TEST_CONNECTION";

    /// <summary>test.sh sets it to a file; each test process appends the path it took, so the run can say which one ran.</summary>
    public const string ReportVariable = "TRACEABILITY_TEST_SERVER_REPORT";

    private static readonly Lazy<Task<(TestServerPath Path, string Connection)>> Started = new(StartAsync);

    /// <summary>The path this run's server came from (starting it if no test has yet).</summary>
    public static async Task<TestServerPath> PathAsync() => (await Started.Value).Path;

    public static async Task<string> AdminConnectionAsync() => (await Started.Value).Connection;

    /// <summary>A fresh, empty database on the run's server; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnectionAsync();
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
        await using var connection = new NpgsqlConnection(await AdminConnectionAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<(TestServerPath, string)> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            await AnnounceAsync($"external server ({ExternalVariable})");
            return (TestServerPath.External, external);
        }
        var path = TestServerChoice.Choose(Environment.GetEnvironmentVariable(TestServerChoice.Variable), ContainerTestServer.DockerReachable);
        var (connection, description) = path == TestServerPath.Docker ? await ContainerTestServer.StartAsync() : await EmbeddedTestServer.StartAsync();
        await AnnounceAsync(description);
        return (path, connection);
    }

    private static async Task AnnounceAsync(string description)
    {
        var line = $"PostgreSQL for the tests: {description}";
        await Console.Error.WriteLineAsync(line);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } report)
            await File.AppendAllTextAsync(report, line + Environment.NewLine);
    }
}
