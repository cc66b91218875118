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

    public static async Task EnsureAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        var key = await ApiKeyStore.FindByNameAsync(connection, name, ct);
        if (key is null || key.Revoked is not null) throw new KeyNoLongerActive(name);
    }
}

/// <summary>The key a write was made with was revoked while the request ran: nothing was written (401).</summary>
public sealed class KeyNoLongerActive(string name)
    : Exception($"The API key '{name}' was revoked while this request ran; nothing was written.");
