using System.Net;
using System.Net.Sockets;
using Npgsql;
using Traceability.Projections.Embedded;
using Traceability.Projections.Trust;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the fault tests' own (the product's launcher, a temp directory, a fixed
/// port), because these tests stop and start it: the run's shared server must never go down.
/// </summary>
public sealed class FaultPostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgresOptions _options;
    private EmbeddedPostgres? _server;

    private FaultPostgres(EmbeddedPostgresOptions options, EmbeddedPostgres server, string connectionString) =>
        (_options, _server, ConnectionString) = (options, server, connectionString);

    /// <summary>The service's database, with short timeouts so that requests during an outage fail fast.</summary>
    public string ConnectionString { get; }

    public static async Task<FaultPostgres> StartAsync(string name)
    {
        TempLeftovers.RemoveStale("faults");
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"{TempLeftovers.Prefix("faults")}{name}-{Guid.NewGuid().ToString("N")[..8]}"),
            Database = "faults", Durable = false, Port = FreePort(),
        };
        var server = await EmbeddedPostgres.StartAsync(options);
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Timeout = 5, MaxPoolSize = 60 }.ConnectionString;
        return new FaultPostgres(options, server, connection);
    }

    /// <summary>pg_ctl stop -m fast: every backend is terminated (57P01) and the port closes.</summary>
    public async Task StopAsync()
    {
        if (_server is not null) await _server.StopAsync();
        _server = null;
    }

    /// <summary>The same data directory on the same port: the service's connection string is valid again.</summary>
    public async Task StartAgainAsync() => _server ??= await EmbeddedPostgres.StartAsync(_options);

    /// <summary>Seals and verifies the whole log with the fault tests' service key.</summary>
    public async Task<LogVerification> VerifyChainAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        using var key = TestKeys.ServiceKey();
        return await new LogVerifier(dataSource, new ChainSealer(dataSource), new TrustedKeys(key, [])).VerifyAsync();
    }

    /// <summary>(stream, version) → actor of every event in the log.</summary>
    public async Task<Dictionary<(string Stream, long Version), string>> EventActorsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // Marten's tombstones (gap fillers after a failed write) belong to no one and are not acknowledged writes.
        await using var command = new NpgsqlCommand($"SELECT stream_id, version, user_name FROM traceability.mt_events WHERE stream_id <> '{GapFiller.Stream}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new Dictionary<(string, long), string>();
        while (await reader.ReadAsync()) events[(reader.GetString(0), reader.GetInt64(1))] = reader.GetString(2);
        return events;
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new() { Value = p });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_options.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
