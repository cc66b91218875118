using System.Security.Cryptography;

namespace Traceability.Projections.Audit;

/// <summary>
/// ECDSA P-256 over SHA-256 of manifest.json's exact bytes, IEEE P1363 encoded (r ‖ s, 32 bytes each).
/// ECDSA draws a fresh nonce per signature (.NET offers no RFC 6979); the service therefore signs each
/// manifest once and reuses that signature (<see cref="SignatureMemo"/>), keeping exports byte-identical.
/// </summary>
public sealed class ManifestSigner : IDisposable
{
    public const string Algorithm = "ECDSA P-256 with SHA-256";
    public const string Encoding = "IEEE P1363 (r || s, 64 bytes)";
    private readonly ECDsa _key;

    private ManifestSigner(ECDsa key) => _key = key;

    /// <summary>From a PEM private key (PKCS#8 or SEC1 "EC PRIVATE KEY"); refuses any curve but P-256.</summary>
    public static ManifestSigner FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                throw new ArgumentException("The audit signing key must be an ECDSA P-256 key.");
            _ = key.ExportParameters(true);
            return new ManifestSigner(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public Manifest.SignatureInfo Info => new(Algorithm, Encoding, ExportFiles.Signature, PublicKeyPem);

    public byte[] Sign(byte[] manifest) => _key.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>False for a bad signature or a key that is not a P-256 public key in PEM.</summary>
    public static bool Verify(string publicKeyPem, byte[] manifest, byte[] signature)
    {
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
        return key.VerifyData(manifest, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose() => _key.Dispose();
}
