using Marten;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;
using Xunit;

namespace Traceability.Testing;

/// <summary>
/// The event log as the service runs it, for one test class: a fresh migrated database, the service's
/// runtime role (which may append but never change the log), Marten configured as in production, the
/// sealer and the verifier, all with the run's service key.
/// </summary>
public sealed class LogFixture : IAsyncLifetime
{
    public string OwnerConnectionString { get; private set; } = "";
    public string RuntimeConnectionString { get; private set; } = "";
    public NpgsqlDataSource Owner { get; private set; } = null!;
    public NpgsqlDataSource Runtime { get; private set; } = null!;
    public DocumentStore Store { get; private set; } = null!;
    public EventLog Log { get; private set; } = null!;
    public ServiceKey Key { get; } = TestKeys.ServiceKey();
    public LogVerifier Verifier { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OwnerConnectionString = await TestServer.CreateDatabaseAsync("log");
        RuntimeConnectionString = await RuntimeLogins.CreateAsync(OwnerConnectionString);
        Owner = NpgsqlDataSource.Create(OwnerConnectionString);
        Runtime = NpgsqlDataSource.Create(RuntimeConnectionString);
        Store = DocumentStore.For(o => MartenConfiguration.Configure(o, Runtime, Key));
        var sealer = new ChainSealer(Runtime);
        Log = new EventLog(Store, Runtime, sealer, Key);
        Verifier = new LogVerifier(Runtime, sealer, new TrustedKeys(Key, []));
    }

    /// <summary>
    /// Runs SQL as the database's owner (the one role that can disable the log's triggers), one statement per
    /// line ending in ';', all in one transaction; the parameters go to the statements that use them.
    /// </summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = await Owner.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement.TrimEnd(';'));
            if (statement.Contains('$')) foreach (var p in parameters) command.Parameters.Add(new() { Value = p });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Owner.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new() { Value = p });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        Store.Dispose();
        await Runtime.DisposeAsync();
        await Owner.DisposeAsync();
        Key.Dispose();
        await TestServer.DropDatabaseAsync(OwnerConnectionString);
        await RuntimeLogins.DropAsync(OwnerConnectionString, RuntimeConnectionString);
    }
}
