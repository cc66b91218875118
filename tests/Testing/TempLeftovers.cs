namespace Traceability.Testing;

/// <summary>
/// Temp directories a test run names after its own process, traceability-{purpose}-{pid}-…. A run removes its own
/// when it ends, but a test host can be torn down before its ProcessExit handlers finish, or be killed; so each run
/// also removes those of runs whose process is gone and in which no PostgreSQL still runs (its postmaster.pid names
/// a live process). Without this, every run
/// left a directory or two behind (dozens a day on a developer's machine).
/// </summary>
public static class TempLeftovers
{
    /// <summary>The name's prefix for a directory of this run.</summary>
    public static string Prefix(string purpose) => $"traceability-{purpose}-{Environment.ProcessId}-";

    public static void RemoveStale(string purpose)
    {
        var prefix = $"traceability-{purpose}-";
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var pid = Path.GetFileName(directory)[prefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out _) || Directory.Exists($"/proc/{pid}") || ServerRunsIn(directory)) continue;
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A postmaster.pid whose first line names a live process; a server killed with its test run leaves the file behind.</summary>
    private static bool ServerRunsIn(string directory)
    {
        var file = Path.Combine(directory, "postmaster.pid");
        if (!File.Exists(file)) return false;
        try
        {
            return File.ReadLines(file).FirstOrDefault()?.Trim() is not { Length: > 0 } pid || Directory.Exists($"/proc/{pid}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
