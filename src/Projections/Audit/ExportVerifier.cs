using System.IO.Compression;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// Checks an audit export with nothing but the zip (and optionally pinned public keys): no database, no
/// network. Every check runs even after one fails, and every failure is reported with its place.
/// Trust comes from the pinned keys; without them, from the keys the manifest embeds, and the signature
/// check says that they are not pinned. The zip is read in one metered pass within <see cref="ExportLimits"/>
/// (issue 13, item 1): files are hashed as they stream and the log is checked line by line, so memory grows
/// with what the baseline's files need, not with the upload.
/// </summary>
public static class ExportVerifier
{
    public const string Entries = "entries", ManifestCheck = "manifest", Hashes = "file hashes", Signature = "signature",
        Chain = "chain and authentication", Files = "files";

    /// <summary>
    /// InvalidDataException when the bytes are not a zip at all; <see cref="ExportLimitExceeded"/> as soon as the
    /// archive shows it is larger than an export can be. <paramref name="zip"/> must be seekable (a file or memory).
    /// <paramref name="cancellation"/> is observed as the zip inflates, so a timed-out request stops inflating.
    /// </summary>
    public static ExportVerification Verify(
        Stream zip, IReadOnlyList<string>? pinnedKeys = null, ExportLimits? limits = null, CancellationToken cancellation = default)
    {
        var pinned = (pinnedKeys ?? []).Select(TrustedKey.From).ToList();
        var meter = new InflationMeter(limits ?? ExportLimits.Default, cancellation);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entries = ExportArchive.Open(archive, meter);
        var checks = new List<VerificationCheck>();
        var failures = new List<VerificationFailure>();
        Run(checks, failures, Entries, f => ExportEntries.Check(entries.Names, f));
        var manifestBytes = entries.ReadWhole(ExportFiles.Manifest);
        var manifest = ExportManifest.Read(manifestBytes, checks, failures);
        var keys = pinned.Count > 0 ? pinned : manifest?.Keys ?? [];
        var walk = new ChainWalk(manifest, keys, meter);
        var read = entries.ReadRest(walk);
        if (manifest is not null) Run(checks, failures, Hashes, f => ExportEntries.CheckHashes(manifest, read.Sha256, f));
        Run(checks, failures, Signature, f => ExportSignature.Check(manifest, manifestBytes, read.Kept.GetValueOrDefault(ExportFiles.Signature), pinned, f));
        Run(checks, failures, Chain, walk.Finish);
        if (manifest is not null) Run(checks, failures, Files, f => FilesCheck.Run(manifest, walk.Selection, entries, read, f));
        return new ExportVerification(failures.Count == 0, checks, failures) { InflatedBytes = meter.Total };
    }

    internal static void Run(List<VerificationCheck> checks, List<VerificationFailure> failures, string name, Func<CheckFailures, string> check)
    {
        var collected = new CheckFailures(name);
        var detail = check(collected);
        collected.Close();
        failures.AddRange(collected.Items);
        checks.Add(new VerificationCheck(name, collected.Count == 0, collected.Count == 0 ? detail : $"{collected.Count} failure(s)"));
    }
}
