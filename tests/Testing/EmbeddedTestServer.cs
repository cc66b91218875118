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
        return (server.ConnectionStringFor("postgres"), "embedded launcher (EmbeddedPostgres, data in /tmp)");
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
}
