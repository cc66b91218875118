using FluentValidation;
using FluentValidation.Results;
using Traceability.Api.Http;
using Traceability.Api.Matrix;
using Traceability.Projections.Audit;
using Traceability.Projections.Events;

namespace Traceability.Api.Audit;

/// <summary>GET /api/baselines/{id}/audit-export?asOf=: the self-verifying zip of one baseline as of a seq_id (default: the head).</summary>
public static class GetAuditExport
{
    public const string ContentType = "application/zip";

    public static async Task<FileContentHttpResult> Handle(
        string id, [Microsoft.AspNetCore.Mvc.FromQuery(Name = AsOf.Parameter)] string? asOf,
        EventStore store, AuditSigningKey signing, HeavyReads heavyReads, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var requested = AsOf.Parse(asOf, failures);
        if (failures.Count > 0) throw new ValidationException(failures);
        await MatrixSource.EnsureBaselineExistsAsync(store, id, ct);
        // Built whole before a byte is written: a database failure on the way is still a problem document, never a cut-off zip.
        using var slot = heavyReads.Enter("this export");
        var (head, _) = await store.HeadAsync(ct);
        var seq = requested is null ? head : await requested.ResolveAsync(store, head, ct);
        var events = await AuditLog.ReadPrefixAsync(store.DataSource, seq, ct);
        var dossier = AuditDossier.Build(events, id) ?? throw new ValidationException(
            [new ValidationFailure(AsOf.Parameter, $"Baseline '{id}' did not exist yet at seq {seq}.")]);
        var export = ExportBuilder.Prepare(events, dossier, signing.Signer);
        var signature = signing.Signer is { } signer ? await SignatureMemo.SignOnceAsync(store.DataSource, signer, export.Manifest, ct) : null;
        var zip = ExportBuilder.Zip(export, signature);
        return TypedResults.File(zip, ContentType, ExportBuilder.FileName(dossier));
    }
}
