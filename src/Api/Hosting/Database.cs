using Npgsql;
using Traceability.Projections.Embedded;
using Traceability.Projections.Events;

namespace Traceability.Api.Hosting;

/// <summary>
/// The service's PostgreSQL: the server named by ConnectionStrings:Traceability, or else the embedded
/// one of ARCHITECTURE.md in Database:DataDirectory. Started and migrated once, on first use, which
/// the start-up service forces before the first request; stopped when the host is disposed.
/// </summary>
public sealed class Database(IConfiguration configuration, ILogger<Database> logger) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => Start(configuration, logger).GetAwaiter().GetResult());
    private static EmbeddedPostgres? _embedded;

    public NpgsqlDataSource DataSource => _dataSource.Value;

    private static async Task<NpgsqlDataSource> Start(IConfiguration configuration, ILogger logger)
    {
        var connectionString = configuration.GetConnectionString("Traceability");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var options = configuration.GetSection("Database").Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
            _embedded = await EmbeddedPostgres.StartAsync(options);
            logger.LogInformation("Embedded PostgreSQL on 127.0.0.1:{Port}, data in {DataDirectory}", _embedded.Port, _embedded.DataDirectory);
            connectionString = _embedded.ConnectionString;
        }
        else
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            logger.LogInformation("Using PostgreSQL at {Host}:{Port}, database {Database}", target.Host, target.Port, target.Database);
        }
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "traceability" }.Build();
        var applied = await SchemaMigrator.MigrateAsync(dataSource);
        logger.LogInformation("Schema is current ({Applied} migrations applied now)", applied);
        return dataSource;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated) await _dataSource.Value.DisposeAsync();
        if (_embedded is not null) await _embedded.StopAsync();
        _embedded = null;
    }
}
