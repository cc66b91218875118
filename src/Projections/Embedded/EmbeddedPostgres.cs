using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Traceability.Projections.Embedded;

/// <summary>
/// The embedded default of ARCHITECTURE.md: a private PostgreSQL server in a data directory of
/// ours, on a free loopback port, with a generated password; started on demand, stopped on exit.
/// A server left running by a process that was killed is found through postmaster.pid and reused.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "traceability";
    private const string PasswordFile = "traceability.secret";
    private readonly string _pgCtl;
    private readonly string? _runAs;
    private bool _stopped;

    private EmbeddedPostgres(string binDirectory, string dataDirectory, string? runAs, int port, string password, string database)
    {
        _pgCtl = Path.Combine(binDirectory, "pg_ctl");
        (DataDirectory, _runAs, Port) = (dataDirectory, runAs, port);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = SuperUser, Password = password, Database = database,
            // The store's statements repeat with every append: prepare them once per connection.
            MaxAutoPrepare = 32, AutoPrepareMinUsages = 2,
        };
        ConnectionString = builder.ConnectionString;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    /// <summary>Connects to the service's database as the server's owner.</summary>
    public string ConnectionString { get; }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default)
    {
        var bin = PostgresBinaries.Locate(options.BinDirectory);
        var data = Path.GetFullPath(options.DataDirectory);
        var runAs = Environment.IsPrivilegedProcess ? options.RunAsUser : null;
        if (!File.Exists(Path.Combine(data, "PG_VERSION"))) await InitDb(bin, data, runAs, ct);
        var password = (await File.ReadAllTextAsync(Path.Combine(data, PasswordFile), ct)).Trim();
        var port = RunningPort(data) ?? await StartServer(bin, data, runAs, options, ct);
        var server = new EmbeddedPostgres(bin, data, runAs, port, password, options.Database);
        await server.EnsureDatabaseAsync(options.Database, ct);
        return server;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our check and our CREATE: that is what we wanted.
        }
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await ProcessRunner.RunAsync(_runAs, _pgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static async Task InitDb(string bin, string data, string? runAs, CancellationToken ct)
    {
        Directory.CreateDirectory(data);
        if (Directory.EnumerateFileSystemEntries(data).Any())
            throw new EmbeddedPostgresException($"The data directory {data} is not empty but holds no PostgreSQL cluster; empty it or choose another Database:DataDirectory.");
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var pwFile = Path.Combine(Path.GetTempPath(), $"traceability-pw-{Guid.NewGuid():N}");
        await WritePrivateFile(pwFile, password, ct);
        try
        {
            await GiveTo(runAs, data, pwFile, ct);
            await ProcessRunner.RunCheckedAsync(runAs, Path.Combine(bin, "initdb"),
                ["-D", data, "-U", SuperUser, "--pwfile", pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions"],
                $"initdb of {data}" + (runAs is null ? "" : $" as user '{runAs}' (it must be able to reach that directory)"), ct);
        }
        finally
        {
            File.Delete(pwFile);
        }
        var secret = Path.Combine(data, PasswordFile);
        await WritePrivateFile(secret, password, ct);
        if (runAs is not null) await ProcessRunner.RunCheckedAsync(null, "chown", [runAs, secret], "chown of the password file", ct);
    }

    /// <summary>Owner-only from creation: the password never sits world-readable on disk.</summary>
    private static async Task WritePrivateFile(string path, string content, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), ct);
    }

    private static async Task GiveTo(string? runAs, string data, string pwFile, CancellationToken ct)
    {
        if (runAs is null) return;
        var (code, _) = await ProcessRunner.RunAsync(null, "id", ["-u", runAs], ct);
        if (code != 0)
            throw new EmbeddedPostgresException($"PostgreSQL refuses to run as root and there is no user '{runAs}' to run it as: create one (useradd --system {runAs}) or set Database:RunAsUser.");
        await ProcessRunner.RunCheckedAsync(null, "chown", ["-R", runAs, data, pwFile], "chown of the data directory", ct);
    }

    private static async Task<int> StartServer(string bin, string data, string? runAs, EmbeddedPostgresOptions options, CancellationToken ct)
    {
        var settings = "-c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" +
            (options.Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? FreePort();
            var (code, output) = await ProcessRunner.RunAsync(runAs, Path.Combine(bin, "pg_ctl"),
                ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(data, "server.log"), "-o", $"-p {port} {settings}"], ct);
            if (code == 0) return port;
            if (attempt == 3)
                throw new EmbeddedPostgresException($"PostgreSQL did not start from {data} (exit code {code}): {output}. See {Path.Combine(data, "server.log")}.");
        }
    }

    /// <summary>The port of a server already running on this data directory (postmaster.pid line 4), if its process lives.</summary>
    private static int? RunningPort(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)) return null;
        return Directory.Exists($"/proc/{pid}") && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
