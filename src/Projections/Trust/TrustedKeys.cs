namespace Traceability.Projections.Trust;

/// <summary>
/// The keys whose signatures the service accepts: its own, and earlier keys named in configuration
/// (Audit:TrustedPublicKeys) so that events signed before a key rotation still verify. Never read
/// from the database, which must not be able to vouch for itself.
/// </summary>
public sealed class TrustedKeys(ServiceKey own, IEnumerable<TrustedKey> earlier)
{
    public IReadOnlyCollection<TrustedKey> All { get; } = [own.PublicKey, .. earlier.Where(k => k.KeyId != own.KeyId)];
}
