using Npgsql;
using Traceability.Testing;

namespace Traceability.Api.Tests.Concurrency;

/// <summary>
/// Holds a stream's row in mt_streams locked, as a slow writer would: a write to that stream stops after it
/// has checked its rules and before it commits, so the tests can send a rival write into exactly that gap.
/// </summary>
public sealed class StreamRowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private StreamRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<StreamRowLock> TakeAsync(string connectionString, string stream)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM traceability.mt_streams WHERE id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new() { Value = stream });
        Assert.NotNull(await command.ExecuteScalarAsync());
        return new StreamRowLock(connection, transaction);
    }

    /// <summary>Waits until <paramref name="count"/> other sessions of the database wait for a lock (ours or the rules').</summary>
    public async Task WaitForWaitersAsync(int count, string what)
    {
        await Eventually.True(async () =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE NOT l.granted AND a.datname = current_database()",
                _connection, _transaction);
            return (long)(await command.ExecuteScalarAsync())! >= count;
        }, what);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
