using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Projections.Keys;

/// <summary>
/// Authentication checks a key when the request starts; a revocation can commit before the request's append does
/// (issue 13 item 8: four writes landed after one). So the append checks again, under the key's lock, in its own
/// transaction: writes hold the lock shared, a revocation alone.
/// </summary>
public static class ActiveKey
{
    public static LogLock Lock(string name) => LogLock.Shared(ApiKeyEvents.StreamId(name));

    public static LogLock Revocation(string name) => LogLock.Sole(ApiKeyEvents.StreamId(name));

    /// <summary>
    /// Takes <paramref name="locks"/> in name order; a write made with a key (<paramref name="name"/>) also holds that
    /// key's lock shared and finds the key active, in the same round trip, the check running after the locks are held.
    /// </summary>
    public static async Task LockAsync(NpgsqlConnection connection, IEnumerable<LogLock> locks, string? name, CancellationToken ct)
    {
        if (name is null)
        {
            await LogLocks.TakeAsync(connection, locks, ct);
            return;
        }
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                LogLocks.Command([.. locks, Lock(name)])!,
                new NpgsqlBatchCommand("SELECT revoked IS NULL FROM traceability.api_keys WHERE name = $1") { Parameters = { new() { Value = name } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct) || !reader.GetBoolean(0)) throw new KeyNoLongerActive(name);
    }
}

/// <summary>The key a write was made with was revoked while the request ran: nothing was written (401).</summary>
public sealed class KeyNoLongerActive(string name)
    : Exception($"The API key '{name}' was revoked while this request ran; nothing was written.");
