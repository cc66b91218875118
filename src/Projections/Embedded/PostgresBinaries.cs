namespace Traceability.Projections.Embedded;

/// <summary>Finds initdb, pg_ctl and postgres: the configured directory, PATH, then Debian's /usr/lib/postgresql/N/bin.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    public static string Locate(string? configured)
    {
        if (configured is not null)
        {
            return HasAll(configured) ? configured : throw Missing($"Database:BinDirectory is '{configured}', but it does not hold {string.Join(", ", Required)}.");
        }
        var candidates = PathDirectories().Concat(DebianVersionDirectories());
        return candidates.FirstOrDefault(HasAll) ?? throw Missing("PostgreSQL's server binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql.");
    }

    private static bool HasAll(string directory) => Required.All(name => File.Exists(Path.Combine(directory, name)));

    private static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> DebianVersionDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"));
    }

    private static EmbeddedPostgresException Missing(string what) => new(
        $"{what} Install them (Debian/Ubuntu: 'sudo apt-get install postgresql'), set Database__BinDirectory " +
        "to the directory that holds them, or set ConnectionStrings__Traceability to use an existing PostgreSQL server.");
}
