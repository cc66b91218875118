using FluentValidation;
using FluentValidation.Results;
using Traceability.Api.Http;
using Traceability.Api.Matrix;
using Traceability.Projections.Audit;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Api.Audit;

/// <summary>
/// GET /api/baselines/{id}/audit-export?asOf=: the self-verifying zip of one baseline as of a log position
/// (default: the newest). A log that does not authenticate up to that position gets no export (409), unless
/// asked for with unverified=true: then it is made unsigned, and every verifier reports it INVALID.
/// </summary>
public static class GetAuditExport
{
    public const string ContentType = "application/zip";

    public static async Task<FileContentHttpResult> Handle(
        string id, [Microsoft.AspNetCore.Mvc.FromQuery(Name = AsOf.Parameter)] string? asOf, bool? unverified,
        EventLog log, ServiceKey key, TrustedKeys trusted, HeavyReads heavyReads, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var requested = AsOf.Parse(asOf, failures);
        if (failures.Count > 0) throw new ValidationException(failures);
        await MatrixSource.EnsureBaselineExistsAsync(log, id, ct);
        // Built whole before a byte is written: a database failure on the way is still a problem document, never a cut-off zip.
        using var slot = heavyReads.Enter("this export");
        var position = requested is null ? (await log.Sealer.SealAsync(ct)).Position : await requested.ResolveAsync(log, ct);
        var events = await AuditLog.ReadAsync(log.DataSource, id, position, ct);
        var dossier = AuditDossier.Build(events, id) ?? throw new ValidationException(
            [new ValidationFailure(AsOf.Parameter, $"Baseline '{id}' did not exist yet at log position {position}.")]);
        var (integrity, keys) = ExportIntegrity.Check(events, trusted);
        if (!integrity.Authenticated && unverified != true)
            throw new Refusal(StatusCodes.Status409Conflict, "The log does not verify",
                $"The log up to position {position} does not authenticate: {integrity.FirstProblem}. See GET /api/events/verify. "
                + "An export of it is made only with unverified=true, unsigned, and every verifier reports it INVALID.");
        var genesis = await ChainReads.GenesisAsync(log.DataSource, ct);
        var signer = integrity.Authenticated ? new ManifestSigner(key) : null;
        var export = ExportBuilder.Prepare(new ExportInput(events, genesis, keys, integrity), dossier, signer);
        var signature = signer is null ? null : await SignatureMemo.SignOnceAsync(log.DataSource, signer, export.Manifest, ct);
        return TypedResults.File(ExportBuilder.Zip(export, signature), ContentType, ExportBuilder.FileName(dossier));
    }
}
