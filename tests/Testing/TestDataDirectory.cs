namespace Traceability.Testing;

/// <summary>
/// A service data directory of one test host's own (Service:DataDirectory), removed with it. Without one, every host a
/// test starts used the checkout's .data, the developer's own service's: the hosts shared its catalog uploads folder,
/// keys and web keys, and whether that folder existed depended on which test ran first.
/// </summary>
public sealed class TestDataDirectory
{
    public const string Setting = "Service:DataDirectory";

    public TestDataDirectory(string purpose)
    {
        TempLeftovers.RemoveStale(purpose);
        Path = Directory.CreateTempSubdirectory(TempLeftovers.Prefix(purpose)).FullName;
        // An embedded PostgreSQL started by a host runs as the postgres user when the tests run as root: it must reach its folder.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public string Path { get; }

    /// <summary>The setting as a command-line argument, for hosts built with TraceabilityApp.Build.</summary>
    public string Argument => $"--{Setting}={Path}";

    /// <summary>Removes the directory once its host is disposed.</summary>
    public void Delete()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file a host still holds open: a leftover in the temp folder harms nothing, and a clean-up must not fail a test.
        }
    }
}
