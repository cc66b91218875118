using Traceability.Api.Http;

namespace Traceability.Api.Audit;

/// <summary>GET /api/audit/public-key: the PEM public key that verifies manifest.sig.</summary>
public static class GetPublicKey
{
    public const string ContentType = "application/x-pem-file";

    public static ContentHttpResult Handle(AuditSigningKey signing) =>
        signing.Signer is { } signer
            ? TypedResults.Text(signer.PublicKeyPem, ContentType)
            : throw new ResourceNotFound("An audit signing key (set Audit:SigningKey or Audit:SigningKeyFile)");
}
