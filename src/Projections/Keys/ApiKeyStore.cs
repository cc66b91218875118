using System.Security.Cryptography;
using Npgsql;

namespace Traceability.Projections.Keys;

/// <summary>Owner: the person the key belongs to; a key issued before owners existed owns itself (its name).</summary>
public sealed record ApiKeyInfo(string Name, string Owner, string Role, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Revoked);

/// <summary>Reads the api_keys projection; matches presented keys against both verifier forms (<see cref="KeyHasher"/>).</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, KeyHasher hasher)
{
    private const string Columns = "name, coalesce(owner, name), role, created, created_by, revoked";

    public KeyHasher Hasher => hasher;

    /// <summary>The plain SHA-256 keys were stored with before issue 13 item 6; tests and old events use it.</summary>
    public static string Hash(string key) => KeyHasher.Legacy(key);

    /// <summary>A new key: a recognisable prefix and 32 random bytes, base64url.</summary>
    public static string NewKey() =>
        "trc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>One indexed lookup per request, whichever form the key was stored in.</summary>
    public async Task<ApiKeyInfo?> FindActiveAsync(string presentedKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM traceability.api_keys
            WHERE key_hash = ANY($1) AND revoked IS NULL AND ((keyed AND key_hash = $2) OR (NOT keyed AND key_hash = $3))
            """);
        var keyed = hasher.Keyed(presentedKey);
        var legacy = KeyHasher.Legacy(presentedKey);
        command.Parameters.Add(new() { Value = new[] { keyed, legacy } });
        command.Parameters.Add(new() { Value = keyed });
        command.Parameters.Add(new() { Value = legacy });
        var found = await Read(command, ct);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<ApiKeyInfo?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FindByNameAsync(connection, name, ct);
    }

    /// <summary>On a given connection: inside an append's transaction, after its locks.</summary>
    public static async Task<ApiKeyInfo?> FindByNameAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM traceability.api_keys WHERE name = $1", connection);
        command.Parameters.Add(new() { Value = name });
        var found = await Read(command, ct);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ListAsync(connection, ct);
    }

    public static async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM traceability.api_keys ORDER BY name", connection);
        return await Read(command, ct);
    }

    /// <summary>The person behind each key name that ever wrote; a name no key has (an internal actor) is its own person.</summary>
    public async Task<Func<string, string>> OwnersAsync(CancellationToken ct)
    {
        var owners = (await ListAsync(ct)).ToDictionary(k => k.Name, k => k.Owner, StringComparer.Ordinal);
        return name => owners.GetValueOrDefault(name, name);
    }

    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM traceability.api_keys)");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<ApiKeyInfo>> Read(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new ApiKeyInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return keys;
    }
}
