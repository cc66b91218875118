namespace Traceability.Api.Hosting;

/// <summary>
/// The service's own files (generated keys): Service:DataDirectory, or else next to the embedded
/// database's directory (./.data when run by run.sh), never inside the database.
/// </summary>
public static class DataDirectory
{
    public const string Setting = "Service:DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        if (configuration[Setting] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var database = configuration["Database:DataDirectory"];
        return string.IsNullOrWhiteSpace(database) ? Path.GetFullPath(".data") : Path.GetDirectoryName(Path.GetFullPath(database))!;
    }
}
