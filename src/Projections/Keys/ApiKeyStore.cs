using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Traceability.Projections.Keys;

public sealed record ApiKeyInfo(string Name, string Role, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Revoked);

/// <summary>Reads the api_keys projection; hashes presented keys the way issued ones were hashed.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: a recognisable prefix and 32 random bytes, base64url.</summary>
    public static string NewKey() =>
        "trc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<ApiKeyInfo?> FindActiveAsync(string presentedKey, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, role, created, created_by, revoked FROM traceability.api_keys WHERE key_hash = $1 AND revoked IS NULL");
        command.Parameters.Add(new() { Value = Hash(presentedKey) });
        var found = await Read(command, ct);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<ApiKeyInfo?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, role, created, created_by, revoked FROM traceability.api_keys WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        var found = await Read(command, ct);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, role, created, created_by, revoked FROM traceability.api_keys ORDER BY name");
        return await Read(command, ct);
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
            keys.Add(new ApiKeyInfo(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return keys;
    }
}
