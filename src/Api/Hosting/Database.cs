using Npgsql;
using Traceability.Projections.Embedded;
using Traceability.Projections.Events;
using Traceability.Projections.Legacy;
using Traceability.Projections.Trust;

namespace Traceability.Api.Hosting;

/// <summary>
/// The service's PostgreSQL: the server named by ConnectionStrings:Traceability, or else the embedded
/// one of ARCHITECTURE.md in the service data directory's postgres/ (Database:DataDirectory overrides it, a
/// relative path being taken below the service data directory). Started and migrated once, on first use, which
/// the start-up service forces before the first request; stopped when the host is disposed.
/// Migrations run as the schema's owner; requests run as the runtime role, which cannot change the
/// event log (migrations 0005, 0010): embedded, the launcher provides both; external, ConnectionStrings:Traceability
/// is the runtime role and ConnectionStrings:TraceabilityMigrations, if given, the owner.
/// </summary>
public sealed class Database(IConfiguration configuration, ServiceKeys keys, ServiceDataDirectory dataDirectory, ILogger<Database> logger) : IAsyncDisposable
{
    /// <summary>The data source and the embedded server this instance started, if any: one per host, so disposing one host never stops another's.</summary>
    private readonly Lazy<(NpgsqlDataSource DataSource, EmbeddedPostgres? Embedded, LogMigrated? Upgraded)> _started =
        new(() => Start(configuration, dataDirectory, keys.Key, logger).GetAwaiter().GetResult());

    public NpgsqlDataSource DataSource => _started.Value.DataSource;

    /// <summary>Release 0.1.0's log, when this start copied it into Marten's tables.</summary>
    public LogMigrated? Upgraded => _started.Value.Upgraded;

    private static async Task<(NpgsqlDataSource, EmbeddedPostgres?, LogMigrated?)> Start(
        IConfiguration configuration, ServiceDataDirectory dataDirectory, ServiceKey key, ILogger logger)
    {
        EmbeddedPostgres? embedded = null;
        LogMigrated? upgraded;
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
                upgraded = await MigrateAsync(embedded.ConnectionString, key, logger);
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
            upgraded = await MigrateAsync(string.IsNullOrWhiteSpace(owner) ? runtime : owner, key, logger);
        }
        var dataSource = new NpgsqlDataSourceBuilder(runtime) { Name = "traceability" }.Build();
        await WarnIfLogIsWritableAsync(dataSource, logger);
        return (dataSource, embedded, upgraded);
    }

    /// <summary>As the schema's owner: the numbered migrations, then the copy of release 0.1.0's log if there is one.</summary>
    private static async Task<LogMigrated?> MigrateAsync(string connectionString, ServiceKey key, ILogger logger)
    {
        await using var owner = new NpgsqlDataSourceBuilder(connectionString) { Name = "traceability-migrations" }.Build();
        var applied = await SchemaMigrator.MigrateAsync(owner);
        logger.LogInformation("Schema is current ({Applied} migrations applied now)", applied);
        var upgraded = await LegacyUpgrade.RunAsync(owner, key);
        if (upgraded is not null)
            logger.LogWarning("Copied release 0.1.0's log into Marten's tables: {Events} events, its hash chain verified (head {Head}); recorded as log_migrated",
                upgraded.Events, upgraded.LegacyHead);
        return upgraded;
    }

    /// <summary>Privileges are the first line of the log's defence; a role that could UPDATE it is worth a warning at every start.</summary>
    private static async Task WarnIfLogIsWritableAsync(NpgsqlDataSource dataSource, ILogger logger)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT current_user, has_table_privilege('traceability.mt_events', 'UPDATE') OR has_table_privilege('traceability.mt_events', 'DELETE')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (!reader.GetBoolean(1)) return;
        logger.LogWarning(
            "The service's database role {Role} may UPDATE or DELETE traceability.mt_events; only the append-only trigger protects the log. " +
            "Run the service as a login role granted traceability_app (ConnectionStrings:Traceability) and migrate as the owner (ConnectionStrings:TraceabilityMigrations).",
            reader.GetString(0));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started.IsValueCreated) return;
        var (dataSource, embedded, _) = _started.Value;
        await dataSource.DisposeAsync();
        if (embedded is not null) await embedded.StopAsync();
    }
}
