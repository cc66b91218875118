namespace Traceability.Api.Hosting;

/// <summary>
/// The service's one data directory (issue 12, item 10: a run from src/Api made a second database in
/// src/Api/.data), resolved to an absolute path once at start: Service:DataDirectory when set; else, in a
/// checkout (a directory above the content root or the binaries holds Traceability.sln), its .data; else
/// $XDG_DATA_HOME/traceability or ~/.local/share/traceability. The embedded PostgreSQL lives in its postgres/,
/// and what else the service keeps on disk belongs below it too. Nothing is created here: users create what they need.
/// </summary>
public sealed class ServiceDataDirectory(string path, string origin)
{
    public const string Setting = "Service:DataDirectory";
    public const string SolutionFile = "Traceability.sln";

    /// <summary>The absolute path.</summary>
    public string Path { get; } = path;

    /// <summary>How it was found, for the start-up log: "Service:DataDirectory", "the checkout at ...", or the XDG rule.</summary>
    public string Origin { get; } = origin;

    /// <summary>A directory below this one; an absolute <paramref name="relativeOrAbsolute"/> is taken as it is.</summary>
    public string Resolve(string relativeOrAbsolute) => System.IO.Path.GetFullPath(relativeOrAbsolute, Path);

    /// <param name="configuration">Where Service:DataDirectory may be set.</param>
    /// <param name="contentRoot">Where the service was started from (dotnet run starts it in src/Api).</param>
    /// <param name="binaries">Where its binaries are (default: this process's), the second place to look for a checkout.</param>
    public static ServiceDataDirectory Resolve(IConfiguration configuration, string contentRoot, string? binaries = null)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
            return new ServiceDataDirectory(System.IO.Path.GetFullPath(configured), Setting);
        var checkout = CheckoutAbove(contentRoot) ?? CheckoutAbove(binaries ?? AppContext.BaseDirectory);
        if (checkout is not null) return new ServiceDataDirectory(System.IO.Path.Combine(checkout, ".data"), $"the checkout at {checkout}");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = System.IO.Path.IsPathFullyQualified(xdg ?? "")
            ? xdg!
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return new ServiceDataDirectory(System.IO.Path.Combine(root, "traceability"), "$XDG_DATA_HOME/traceability (or ~/.local/share/traceability)");
    }

    private static string? CheckoutAbove(string start)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }
}
