using Npgsql;
using Traceability.Projections.Embedded;
using Traceability.Projections.Events;

namespace Traceability.Api.Hosting;

/// <summary>
/// The service's PostgreSQL: the server named by ConnectionStrings:Traceability, or else the embedded
/// one of ARCHITECTURE.md in the service data directory's postgres/ (Database:DataDirectory overrides it, a
/// relative path being taken below the service data directory). Started and migrated once, on first use, which
/// the start-up service forces before the first request; stopped when the host is disposed.
/// Migrations run as the schema's owner; requests run as the runtime role, which cannot change the
/// event log (migration 0005): embedded, the launcher provides both; external, ConnectionStrings:Traceability
/// is the runtime role and ConnectionStrings:TraceabilityMigrations, if given, the owner.
/// </summary>
public sealed class Database(IConfiguration configuration, ServiceDataDirectory dataDirectory, ILogger<Database> logger) : IAsyncDisposable
{
    /// <summary>The data source and the embedded server this instance started, if any: one per host, so disposing one host never stops another's.</summary>
    private readonly Lazy<(NpgsqlDataSource DataSource, EmbeddedPostgres? Embedded)> _started =
        new(() => Start(configuration, dataDirectory, logger).GetAwaiter().GetResult());

    public NpgsqlDataSource DataSource => _started.Value.DataSource;

    private static async Task<(NpgsqlDataSource, EmbeddedPostgres?)> Start(IConfiguration configuration, ServiceDataDirectory dataDirectory, ILogger logger)
    {
        EmbeddedPostgres? embedded = null;
        var runtime = configuration.GetConnectionString("Traceability");
        var owner = configuration.GetConnectionString("TraceabilityMigrations");
        if (string.IsNullOrWhiteSpace(runtime))
        {
            var options = configuration.GetSection("Database").Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
            options.DataDirectory = dataDirectory.Resolve(configuration["Database:DataDirectory"] is { Length: > 0 } own ? own : "postgres");
            embedded = await EmbeddedPostgres.StartAsync(options);
            logger.LogInformation("Embedded PostgreSQL on 127.0.0.1:{Port}, data in {DataDirectory}", embedded.Port, embedded.DataDirectory);
            try
            {
                await MigrateAsync(embedded.ConnectionString, logger);
                runtime = await embedded.RuntimeConnectionStringAsync();
            }
            catch
            {
                // A start that fails leaves no server behind: the host is never disposed through us.
                await embedded.StopAsync();
                throw;
            }
        }
        else
        {
            var target = new NpgsqlConnectionStringBuilder(runtime);
            logger.LogInformation("Using PostgreSQL at {Host}:{Port}, database {Database} as {User}", target.Host, target.Port, target.Database, target.Username);
            await MigrateAsync(string.IsNullOrWhiteSpace(owner) ? runtime : owner, logger);
        }
        var dataSource = new NpgsqlDataSourceBuilder(runtime) { Name = "traceability" }.Build();
        await WarnIfLogIsWritableAsync(dataSource, logger);
        return (dataSource, embedded);
    }

    private static async Task MigrateAsync(string connectionString, ILogger logger)
    {
        await using var owner = new NpgsqlDataSourceBuilder(connectionString) { Name = "traceability-migrations" }.Build();
        var applied = await SchemaMigrator.MigrateAsync(owner);
        logger.LogInformation("Schema is current ({Applied} migrations applied now)", applied);
    }

    /// <summary>Privileges are the first line of the log's defence; a role that could UPDATE it is worth a warning at every start.</summary>
    private static async Task WarnIfLogIsWritableAsync(NpgsqlDataSource dataSource, ILogger logger)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT current_user, has_table_privilege('traceability.events', 'UPDATE') OR has_table_privilege('traceability.events', 'DELETE')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (!reader.GetBoolean(1)) return;
        logger.LogWarning(
            "The service's database role {Role} may UPDATE or DELETE traceability.events; only the append-only trigger protects the log. " +
            "Run the service as a login role granted traceability_app (ConnectionStrings:Traceability) and migrate as the owner (ConnectionStrings:TraceabilityMigrations).",
            reader.GetString(0));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started.IsValueCreated) return;
        var (dataSource, embedded) = _started.Value;
        await dataSource.DisposeAsync();
        if (embedded is not null) await embedded.StopAsync();
    }
}
