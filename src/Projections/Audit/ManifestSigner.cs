using System.Security.Cryptography;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// The service key signs manifest.json's exact bytes: ECDSA P-256 over SHA-256, IEEE P1363 (r ‖ s).
/// ECDSA draws a fresh nonce per signature (.NET offers no RFC 6979); the service therefore signs each
/// manifest once and reuses that signature (<see cref="SignatureMemo"/>), keeping exports byte-identical.
/// </summary>
public sealed class ManifestSigner(ServiceKey key)
{
    public const string Algorithm = "ECDSA P-256 with SHA-256";
    public const string Encoding = "IEEE P1363 (r || s, 64 bytes)";

    public TrustedKey PublicKey => key.PublicKey;

    public Manifest.SignatureInfo Info => new(Algorithm, Encoding, ExportFiles.Signature, key.KeyId);

    public byte[] Sign(byte[] manifest) => key.Sign(manifest);

    /// <summary>False for a bad signature or a key that is not a P-256 public key in PEM.</summary>
    public static bool Verify(string publicKeyPem, byte[] manifest, byte[] signature)
    {
        try
        {
            return TrustedKey.From(publicKeyPem).Verifies(manifest, signature);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
