using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Traceability.Projections.Audit;

/// <summary>
/// Signs a manifest once per key and hands out that same signature afterwards, so two exports of the
/// same baseline and position are byte-identical even when signed (ECDSA's nonce is random; .NET has no RFC 6979).
/// Concurrent first exports race on the primary key; the loser returns the winner's signature.
/// </summary>
public static class SignatureMemo
{
    public static async Task<byte[]> SignOnceAsync(NpgsqlDataSource dataSource, ManifestSigner signer, byte[] manifest, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            WITH created AS (
                INSERT INTO traceability.audit_signatures (manifest_sha256, public_key_sha256, signature) VALUES ($1, $2, $3)
                ON CONFLICT DO NOTHING RETURNING signature)
            SELECT signature FROM created
            UNION ALL SELECT signature FROM traceability.audit_signatures WHERE manifest_sha256 = $1 AND public_key_sha256 = $2
            LIMIT 1
            """);
        command.Parameters.Add(new() { Value = Convert.ToHexStringLower(SHA256.HashData(manifest)) });
        command.Parameters.Add(new() { Value = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signer.PublicKey.PublicKeyPem))) });
        command.Parameters.Add(new() { Value = signer.Sign(manifest) });
        return (byte[])(await command.ExecuteScalarAsync(ct))!;
    }
}
