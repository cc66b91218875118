using System.Security.Cryptography;

namespace Traceability.Projections.Audit;

/// <summary>
/// Builds the export zip from the log prefix and its dossier. Nothing here reads a clock or a random
/// source (the signature aside): the same prefix and baseline give the same bytes.
/// </summary>
public static class ExportBuilder
{
    public static string FileName(AuditDossier dossier) => $"{dossier.Baseline.Id}-audit-{dossier.AsOfSeq}.zip";

    public static byte[] Build(IReadOnlyList<AuditEvent> events, AuditDossier dossier, ManifestSigner? signer)
    {
        var files = Files(events, dossier);
        var manifest = AuditJson.Serialize(ManifestOf(events, dossier, files, signer));
        List<(string, byte[])> entries = [(ExportFiles.Manifest, manifest), .. files];
        if (signer is not null) entries.Add((ExportFiles.Signature, signer.Sign(manifest)));
        return AuditZip.Write(entries);
    }

    private static List<(string Name, byte[] Content)> Files(IReadOnlyList<AuditEvent> events, AuditDossier d) =>
    [
        (ExportFiles.MatrixCsv, ExportMatrix.Csv(d.Matrix)),
        (ExportFiles.MatrixJson, ExportMatrix.Json(d.Baseline.Id, d.AsOfSeq, d.Matrix)),
        (ExportFiles.Decisions, AuditJson.Serialize(new { baseline = d.Baseline.Id, asOfSeq = d.AsOfSeq, decisions = d.Decisions })),
        (ExportFiles.Assumptions, AuditJson.Serialize(new { asOfSeq = d.AsOfSeq, assumptions = d.Assumptions })),
        (ExportFiles.Features, AuditJson.Serialize(new { asOfSeq = d.AsOfSeq, hardwareFeatures = d.Features })),
        (ExportFiles.Requirements, AuditJson.Serialize(new { asOfSeq = d.AsOfSeq, requirements = d.Requirements })),
        (ExportFiles.Evidence, AuditJson.Serialize(new { baseline = d.Baseline.Id, asOfSeq = d.AsOfSeq, evidence = d.Evidence })),
        (ExportFiles.Events, EventsJsonl(events)),
        (ExportFiles.Report, AuditReport.Html(d)),
    ];

    public static byte[] EventsJsonl(IReadOnlyList<AuditEvent> events)
    {
        using var output = new MemoryStream();
        foreach (var e in events) AuditEventLine.Write(e, output);
        return output.ToArray();
    }

    private static Manifest ManifestOf(
        IReadOnlyList<AuditEvent> events, AuditDossier d, List<(string Name, byte[] Content)> files, ManifestSigner? signer) => new(
        Manifest.FormatName,
        Manifest.ThisGenerator,
        d.Baseline,
        new Manifest.AsOfInfo(d.AsOfSeq, d.AsOfTime),
        new Manifest.EventRange(events[0].Seq, events[^1].Seq, ExportFiles.Events),
        new Manifest.ChainInfo(d.ChainHead, Manifest.ChainRule, Manifest.ChainDefinition),
        [.. files.Select(f => new Manifest.FileEntry(f.Name, Sha256(f.Content), f.Content.LongLength))],
        signer?.Info);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
