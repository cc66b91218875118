using Traceability.Api.Http;
using Traceability.Projections.Audit;
using Traceability.Projections.Trust;

namespace Traceability.Api.Audit;

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Audit").RequireAuthorization(Roles.Read);
        group.MapGet("/baselines/{id}/audit-export", GetAuditExport.Handle)
            .WithSummary("The audit export of a baseline as a zip: manifest.json (SHA-256 of every file, the chain's genesis and head, the signing keys), matrix.csv/.json, "
                + "decisions, assumptions, hardware features, requirements and evidence with their histories, events.jsonl (the chain from position 1, payloads for what the baseline needs), "
                + "report.html, and manifest.sig (signed by the service key). asOf=<chain position or ISO-8601 time> (default: the newest event); "
                + "the same baseline and asOf always give the same bytes. 409 when the log does not authenticate (unverified=true gives an unsigned export that says so). 503 with Retry-After when the service is at Limits:ConcurrentHeavyReads.")
            .Produces(StatusCodes.Status200OK, contentType: GetAuditExport.ContentType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/audit/public-key", GetPublicKey.Handle)
            .WithSummary("The PEM public key (ECDSA P-256) that verifies manifest.sig in audit exports; 404 when exports are not signed.")
            .Produces<string>(StatusCodes.Status200OK, GetPublicKey.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/audit-exports/verify", VerifyAuditExport.Handle)
            .WithSummary("Verify an audit export (application/zip body or one multipart file) without the database: file hashes, the signature "
                + "by this service's key (or an earlier one in Audit:TrustedPublicKeys; never a key the export embeds), "
                + "the chain from position 1, every append's signature, and that the events rebuild every file. 200 with valid=false and every failure when it does not verify; "
                + "413 for an upload larger than Limits:MaxExportUploadBytes or an archive that inflates past what an export can be; 503 when the service is at Limits:ConcurrentHeavyReads.")
            .Accepts<IFormFile>(GetAuditExport.ContentType, "application/octet-stream", "multipart/form-data")
            .Produces<ExportVerification>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithBodyLimit(BodyLimit.ExportUpload)
            .DisableAntiforgery();
        group.MapGet("/events/verify", VerifyEventLog.Handle)
            .WithSummary("Seal what is pending, then recompute the whole chain and every append's signature; names the first position that fails, if any, and the head link.")
            .Produces<LogVerification>(StatusCodes.Status200OK);
    }
}
