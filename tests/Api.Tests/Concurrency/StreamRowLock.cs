using Npgsql;
using Traceability.Projections.Events;
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

    /// <summary>
    /// Waits until a session of the database waits for the held row, i.e. a writer has checked its rules, holds their
    /// locks and is committing. Counting every ungranted lock was not enough: a passing wait elsewhere (the sealer's
    /// lock, say) could be taken for the writer, and the rival was then sent before the writer held anything. Nor is any
    /// row wait: only a wait on this transaction (or on a tuple of mt_streams, the first of several waiters) is the writer's.
    /// </summary>
    public Task WaitForRowWaiterAsync(string what) => WaitAsync(
        "((l.locktype = 'transactionid' AND l.transactionid::text = pg_current_xact_id()::text) OR (l.locktype = 'tuple' AND l.relation = 'traceability.mt_streams'::regclass))",
        null, what);

    /// <summary>Waits until a session waits for the advisory lock that rules take on <paramref name="stream"/>.</summary>
    public Task WaitForLockWaiterAsync(string stream, string what) => WaitAsync(
        "l.locktype = 'advisory' AND ((l.classid::int8 << 32) | l.objid::int8) = $1", LogLock.Shared(stream).Key, what);

    private async Task WaitAsync(string condition, long? key, string what)
    {
        await Eventually.True(async () =>
        {
            await using var command = new NpgsqlCommand(
                // pg_locks only: pg_stat_activity is read once per transaction and kept, so a rival on a connection opened
                // after the first check was never seen (the gap tests timed out in CI).
                $"SELECT count(*) FROM pg_locks l WHERE NOT l.granted AND (l.database IS NULL OR l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) AND {condition}",
                _connection, _transaction);
            if (key is { } k) command.Parameters.Add(new() { Value = k });
            return (long)(await command.ExecuteScalarAsync())! >= 1;
        }, what);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
