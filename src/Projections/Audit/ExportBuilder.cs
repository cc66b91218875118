using System.Security.Cryptography;

namespace Traceability.Projections.Audit;

/// <summary>
/// Builds the export zip from the log prefix and its dossier. Nothing here reads a clock or a random
/// source: the same prefix and baseline give the same bytes, and the service reuses the first
/// signature of a manifest (<see cref="SignatureMemo"/>) so signed exports repeat byte for byte too.
/// </summary>
public static class ExportBuilder
{
    public static string FileName(AuditDossier dossier) => $"{dossier.Baseline.Id}-audit-{dossier.AsOfSeq}.zip";

    public static byte[] Build(IReadOnlyList<AuditEvent> events, AuditDossier dossier, ManifestSigner? signer)
    {
        var export = Prepare(events, dossier, signer);
        return Zip(export, signer?.Sign(export.Manifest));
    }

    /// <summary>Every entry but the signature: the manifest's bytes are what gets signed.</summary>
    public static UnsignedExport Prepare(IReadOnlyList<AuditEvent> events, AuditDossier dossier, ManifestSigner? signer)
    {
        var files = Files(events, dossier);
        return new UnsignedExport(AuditJson.Serialize(ManifestOf(events, dossier, files, signer)), files);
    }

    public static byte[] Zip(UnsignedExport export, byte[]? signature)
    {
        List<(string, byte[])> entries = [(ExportFiles.Manifest, export.Manifest), .. export.Files];
        if (signature is not null) entries.Add((ExportFiles.Signature, signature));
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

public sealed record UnsignedExport(byte[] Manifest, IReadOnlyList<(string Name, byte[] Content)> Files);
