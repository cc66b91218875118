using Traceability.Projections.Trust;

namespace Traceability.Api.Audit;

/// <summary>GET /api/audit/public-key: the PEM public key that verifies manifest.sig and every event's signature: pin it.</summary>
public static class GetPublicKey
{
    public const string ContentType = "application/x-pem-file";

    public static ContentHttpResult Handle(ServiceKey key) => TypedResults.Text(key.PublicKey.PublicKeyPem, ContentType);
}
