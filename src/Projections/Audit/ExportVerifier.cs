using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// Checks an audit export with nothing but the zip (and optionally pinned public keys): no database, no
/// network. Every check runs even after one fails, and every failure is reported with its place.
/// Trust comes from the pinned keys; without them, from the keys the manifest embeds, and the signature
/// check says that they are not pinned.
/// </summary>
public static class ExportVerifier
{
    public const string Entries = "entries", ManifestCheck = "manifest", Hashes = "file hashes", Signature = "signature",
        Chain = "chain and authentication", Files = "files";

    /// <summary>InvalidDataException when the bytes are not a zip at all.</summary>
    public static ExportVerification Verify(Stream zip, IReadOnlyList<string>? pinnedKeys = null)
    {
        var files = AuditZip.Read(zip);
        var checks = new List<VerificationCheck>();
        var failures = new List<VerificationFailure>();
        var content = files.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Content, StringComparer.Ordinal);
        var pinned = (pinnedKeys ?? []).Select(TrustedKey.From).ToList();
        Run(checks, failures, Entries, f => ExportEntries.Check(files, f));
        var manifest = ExportManifest.Read(content, checks, failures);
        if (manifest is not null) Run(checks, failures, Hashes, f => ExportEntries.CheckHashes(manifest, content, f));
        Run(checks, failures, Signature, f => ExportSignature.Check(manifest, content, pinned, f));
        var keys = pinned.Count > 0 ? pinned : manifest?.Keys ?? [];
        var parsed = new List<AuditEvent>();
        Run(checks, failures, Chain, f => ChainCheck.Run(content.GetValueOrDefault(ExportFiles.Events), manifest, keys, parsed, f));
        if (manifest is not null) Run(checks, failures, Files, f => FilesCheck.Run(manifest, parsed, content, f));
        return new ExportVerification(failures.Count == 0, checks, failures);
    }

    internal static void Run(List<VerificationCheck> checks, List<VerificationFailure> failures, string name, Func<CheckFailures, string> check)
    {
        var collected = new CheckFailures(name, failures);
        var detail = check(collected);
        collected.Close();
        checks.Add(new VerificationCheck(name, collected.Count == 0, collected.Count == 0 ? detail : $"{collected.Count} failure(s)"));
    }
}
