using System.Security.Cryptography;

namespace Traceability.Projections.Trust;

/// <summary>
/// The service's ECDSA P-256 key. It signs every append (so an event that did not come through the
/// service is recognised) and every audit export's manifest. The database never holds it: it comes
/// from configuration or a file in the service's data directory, and only its public half travels.
/// </summary>
public sealed class ServiceKey : IDisposable
{
    private readonly ECDsa _key;

    private ServiceKey(ECDsa key)
    {
        _key = key;
        PublicKey = TrustedKey.From(key.ExportSubjectPublicKeyInfoPem());
    }

    public TrustedKey PublicKey { get; }

    public string KeyId => PublicKey.KeyId;

    public static ServiceKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256) throw new CryptographicException($"The service key must be ECDSA P-256, not a {key.KeySize}-bit key.");
        return new ServiceKey(key);
    }

    public static ServiceKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>ECDSA P-256 over SHA-256 of <paramref name="message"/>, IEEE P1363 (r ‖ s, 64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) =>
        _key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The same signature, made on the process's signing threads (<see cref="SigningThreads"/>): how every session's append is signed.</summary>
    public Task<byte[]> SignAsync(byte[] message) => SigningThreads.SignAsync(this, message);

    public void Dispose() => _key.Dispose();
}

/// <summary>A public key that verifies the service's signatures, named by its key id (the first 16 hex digits of SHA-256 over its DER).</summary>
public sealed record TrustedKey(string KeyId, string PublicKeyPem)
{
    public static TrustedKey From(string publicKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        var der = key.ExportSubjectPublicKeyInfo();
        return new TrustedKey(Convert.ToHexStringLower(SHA256.HashData(der))[..16], key.ExportSubjectPublicKeyInfoPem());
    }

    public bool Verifies(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(PublicKeyPem);
        return key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
