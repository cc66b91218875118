using System.Security.Cryptography;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// Builds the export zip from the chain prefix and its dossier. Nothing here reads a clock or a random
/// source: the same position gives the same bytes, and the service reuses the first signature of a
/// manifest (<see cref="SignatureMemo"/>) so signed exports repeat byte for byte too.
/// </summary>
public static class ExportBuilder
{
    public static string FileName(AuditDossier dossier) => $"{dossier.Baseline.Id}-audit-{dossier.AsOfPosition}.zip";

    /// <summary>Every entry but the signature: the manifest's bytes are what gets signed.</summary>
    public static UnsignedExport Prepare(ExportInput input, AuditDossier dossier, ManifestSigner? signer)
    {
        var files = Files(input.Events, dossier);
        var events = input.Events;
        var manifest = new Manifest(
            Manifest.FormatName, Manifest.ThisGenerator, dossier.Baseline,
            new Manifest.AsOfInfo(dossier.AsOfPosition, dossier.AsOfTime),
            new Manifest.EventRange(events[0].Position, events[^1].Position, events.Count(e => e.Payload is not null), ExportFiles.Events),
            Manifest.Rules(Convert.ToHexStringLower(input.Genesis), dossier.ChainHead),
            input.Keys, input.Integrity,
            [.. files.Select(f => new Manifest.FileEntry(f.Name, Sha256(f.Content), f.Content.LongLength))],
            signer?.Info);
        return new UnsignedExport(AuditJson.Serialize(manifest), files);
    }

    public static byte[] Zip(UnsignedExport export, byte[]? signature)
    {
        List<(string, byte[])> entries = [(ExportFiles.Manifest, export.Manifest), .. export.Files];
        if (signature is not null) entries.Add((ExportFiles.Signature, signature));
        return AuditZip.Write(entries);
    }

    /// <summary>Every hashed file, in the zip's order, each a function of the events alone.</summary>
    public static List<(string Name, byte[] Content)> Files(IReadOnlyList<AuditEvent> events, AuditDossier d)
    {
        var files = DossierFiles(d);
        files.Insert(files.FindIndex(f => f.Name == ExportFiles.Report), (ExportFiles.Events, EventsJsonl(events)));
        return files;
    }

    /// <summary>Every hashed file but events.jsonl: what the dossier gives, and what the verifier rebuilds the same way.</summary>
    public static List<(string Name, byte[] Content)> DossierFiles(AuditDossier d) =>
    [
        (ExportFiles.MatrixCsv, ExportMatrix.Csv(d.Matrix)),
        (ExportFiles.MatrixJson, ExportMatrix.Json(d.Baseline.Id, d.AsOfPosition, d.Matrix)),
        (ExportFiles.Decisions, AuditJson.Serialize(new { baseline = d.Baseline.Id, asOfPosition = d.AsOfPosition, decisions = d.Decisions })),
        (ExportFiles.Assumptions, AuditJson.Serialize(new { asOfPosition = d.AsOfPosition, assumptions = d.Assumptions })),
        (ExportFiles.Features, AuditJson.Serialize(new { asOfPosition = d.AsOfPosition, hardwareFeatures = d.Features })),
        (ExportFiles.Requirements, AuditJson.Serialize(new { asOfPosition = d.AsOfPosition, requirements = d.Requirements })),
        (ExportFiles.Evidence, AuditJson.Serialize(new { baseline = d.Baseline.Id, asOfPosition = d.AsOfPosition, evidence = d.Evidence })),
        (ExportFiles.Report, AuditReport.Html(d)),
    ];

    public static byte[] EventsJsonl(IReadOnlyList<AuditEvent> events)
    {
        using var output = new MemoryStream();
        foreach (var e in events) AuditEventLine.Write(e, output);
        return output.ToArray();
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>The chain prefix an export is made of, the genesis link, the keys that signed it and whether they all verified.</summary>
public sealed record ExportInput(IReadOnlyList<AuditEvent> Events, byte[] Genesis, IReadOnlyList<TrustedKey> Keys, Manifest.IntegrityInfo Integrity);

public sealed record UnsignedExport(byte[] Manifest, IReadOnlyList<(string Name, byte[] Content)> Files);
