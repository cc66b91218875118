using Npgsql;
using Traceability.Projections.Embedded;
using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>
/// The throwaway durable server of a separate probe (`cost`, `bulk`): started in a temp directory, migrated, with the
/// three kinds of cases ready on it; disposing stops the server and removes the directory.
/// </summary>
public sealed class ProbeDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres _server;
    private readonly string _directory;

    private ProbeDatabase(EmbeddedPostgres server, string directory, NpgsqlDataSource dataSource, BenchOptions options)
    {
        (_server, _directory, DataSource) = (server, directory, dataSource);
        (Ours, Marten, Plain) = (new LogCases(dataSource, options), new MartenCases(dataSource, options), new PlainCases(dataSource, options));
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The owner's connection string, password included: for a child process of the probe's.</summary>
    public string ConnectionString => _server.ConnectionString;

    public LogCases Ours { get; }

    public MartenCases Marten { get; }

    public PlainCases Plain { get; }

    /// <summary>Starts the probe's server; with <paramref name="statementStatistics"/> it loads pg_stat_statements (statements inside functions and triggers too), restarting once.</summary>
    public static async Task<ProbeDatabase> StartAsync(string probe, BenchOptions options, bool statementStatistics = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"traceability-{probe}-{Environment.ProcessId}");
        var serverOptions = new EmbeddedPostgresOptions { DataDirectory = directory, Database = "postgres", Durable = true };
        var server = await EmbeddedPostgres.StartAsync(serverOptions);
        if (statementStatistics)
        {
            try
            {
                server = await WithStatementStatisticsAsync(server, serverOptions);
            }
            catch
            {
                Directory.Delete(directory, recursive: true);
                throw;
            }
        }
        var database = new ProbeDatabase(server, directory, NpgsqlDataSource.Create(server.ConnectionString), options);
        try
        {
            await SchemaMigrator.MigrateAsync(database.DataSource);
            await database.Plain.CreateTableAsync();
            await database.Marten.CreateSchemaAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Loads pg_stat_statements into <paramref name="server"/> (one restart); on failure the server is stopped, not left running.</summary>
    private static async Task<EmbeddedPostgres> WithStatementStatisticsAsync(EmbeddedPostgres server, EmbeddedPostgresOptions options)
    {
        try
        {
            await ExecuteAsync(server, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
            await server.StopAsync();
            server = await EmbeddedPostgres.StartAsync(options);
            // The extension's own setting is known only once its library is loaded.
            await ExecuteAsync(server, "CREATE EXTENSION pg_stat_statements", "ALTER SYSTEM SET pg_stat_statements.track = 'all'", "SELECT pg_reload_conf()");
            return server;
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(EmbeddedPostgres server, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ours.DisposeAsync();
        Marten.Dispose();
        await DataSource.DisposeAsync();
        await _server.StopAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
