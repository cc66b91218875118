using Traceability.Projections.Embedded;

namespace Traceability.Testing;

/// <summary>
/// The run's server from the product's own launcher, in a temp directory, fsync off; stopped and
/// removed when the test process exits. Needs PostgreSQL's server binaries (test.sh installs them).
/// </summary>
public static class EmbeddedTestServer
{
    public static async Task<(string AdminConnection, string Description)> StartAsync()
    {
        TempLeftovers.RemoveStale("tests");
        var directory = Path.Combine(Path.GetTempPath(), TempLeftovers.Prefix("tests") + Guid.NewGuid().ToString("N")[..8]);
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
        {
            DataDirectory = directory, Database = "postgres", Durable = false,
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return (server.ConnectionStringFor("postgres"), "embedded launcher (EmbeddedPostgres, data in /tmp)");
    }
}
