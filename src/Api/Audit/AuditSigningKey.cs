using Traceability.Projections.Audit;

namespace Traceability.Api.Audit;

/// <summary>
/// The export signing key from Audit:SigningKey (PEM text) or Audit:SigningKeyFile (a path); none
/// configured means exports are unsigned. A key that is set but unusable fails loudly, never silently unsigned.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    public const string KeySetting = "Audit:SigningKey";
    public const string KeyFileSetting = "Audit:SigningKeyFile";

    public AuditSigningKey(IConfiguration configuration)
    {
        var pem = configuration[KeySetting];
        var file = configuration[KeyFileSetting];
        if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(file)) pem = File.ReadAllText(file);
        if (string.IsNullOrWhiteSpace(pem)) return;
        try
        {
            Signer = ManifestSigner.FromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{KeySetting} / {KeyFileSetting} is not a PEM ECDSA P-256 private key: {ex.Message}", ex);
        }
    }

    public ManifestSigner? Signer { get; }

    public void Dispose() => Signer?.Dispose();
}
