using System.IO.Compression;
using System.Text.Json;

namespace Traceability.Projections.Audit;

/// <summary>
/// Checks an audit export with nothing but the zip (and optionally a pinned public key): no database,
/// no network. Every check runs even after one fails, and every failure is reported with its place.
/// The zip is read in one metered pass within <see cref="ExportLimits"/> (issue 13, item 1): files are
/// hashed as they stream and the log is checked line by line, so memory does not grow with the upload.
/// </summary>
public static class ExportVerifier
{
    public const string Entries = "entries", ManifestCheck = "manifest", Hashes = "file hashes", Signature = "signature",
        Chain = "hash chain", Matrix = "matrix";

    /// <summary>
    /// InvalidDataException when the bytes are not a zip at all; <see cref="ExportLimitExceeded"/> (one) as soon as
    /// the archive shows it is larger than an export can be. <paramref name="zip"/> must be seekable (a file or memory).
    /// <paramref name="cancellation"/> is observed as the zip inflates, so a timed-out request stops inflating.
    /// </summary>
    public static ExportVerification Verify(
        Stream zip, string? publicKeyPem = null, ExportLimits? limits = null, CancellationToken cancellation = default)
    {
        var meter = new InflationMeter(limits ?? ExportLimits.Default, cancellation);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entries = ExportEntries.Open(archive, meter);
        var checks = new List<VerificationCheck>();
        var failures = new List<VerificationFailure>();
        Run(checks, failures, Entries, f => CheckEntries(entries.Names, f));
        var manifestBytes = entries.ReadWhole(ExportFiles.Manifest);
        var manifest = ReadManifest(manifestBytes, checks, failures);
        var walk = new ChainWalk(BaselineEvents(manifest), meter);
        var read = entries.ReadRest(walk);
        if (manifest is not null) Run(checks, failures, Hashes, f => CheckHashes(manifest, read.Sha256, f));
        var signature = read.Kept.GetValueOrDefault(ExportFiles.Signature);
        if (manifest is not null || publicKeyPem is not null || read.Sha256.ContainsKey(ExportFiles.Signature))
            Run(checks, failures, Signature, f => CheckSignature(manifest, manifestBytes, signature, publicKeyPem, f));
        Run(checks, failures, Chain, f => walk.Finish(manifest, f));
        if (manifest is not null) Run(checks, failures, Matrix, f => MatrixCheck.Run(manifest, walk.Kept, read.Kept, f));
        return new ExportVerification(failures.Count == 0, checks, failures) { InflatedBytes = meter.Total };
    }

    /// <summary>The events the matrix check folds: the baseline's own streams up to the as-of seq; none without a manifest.</summary>
    private static Func<AuditEvent, bool> BaselineEvents(Manifest? manifest)
    {
        if (manifest is null) return _ => false;
        var stream = Domain.Baselines.Baseline.StreamId(manifest.Baseline.Id);
        var prefix = Projections.Matrix.MatrixHistory.DecisionPrefix(manifest.Baseline.Id);
        return e => e.Seq <= manifest.AsOf.Seq && (e.StreamId == stream || e.StreamId.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static void Run(List<VerificationCheck> checks, List<VerificationFailure> failures, string name, Func<CheckFailures, string> check)
    {
        var collected = new CheckFailures(name);
        var detail = check(collected);
        collected.Close();
        failures.AddRange(collected.Items);
        checks.Add(new VerificationCheck(name, collected.Count == 0, collected.Count == 0 ? detail : $"{collected.Count} failure(s)"));
    }

    private static string CheckEntries(IReadOnlyList<string> names, CheckFailures failures)
    {
        foreach (var missing in ExportFiles.All.Where(n => n != ExportFiles.Signature).Except(names))
            failures.Add(missing, null, null, missing, null, $"{missing}: missing from the zip.");
        foreach (var extra in names.Except(ExportFiles.All))
            failures.Add(extra, null, null, null, extra, $"{extra}: not a file an audit export holds.");
        var expectedOrder = ExportFiles.All.Where(names.Contains).ToList();
        if (failures.Count == 0 && !expectedOrder.SequenceEqual(names))
            failures.Add("", null, "order", string.Join(", ", expectedOrder), string.Join(", ", names), "The zip's entries are not in the export's fixed order.");
        return $"{names.Count} entries in the fixed order";
    }

    private static Manifest? ReadManifest(byte[]? bytes, List<VerificationCheck> checks, List<VerificationFailure> failures)
    {
        Manifest? manifest = null;
        Run(checks, failures, ManifestCheck, f =>
        {
            if (bytes is null) { f.Add(ExportFiles.Manifest, null, null, null, null, "manifest.json: missing; nothing can be checked against it."); return ""; }
            try
            {
                manifest = JsonSerializer.Deserialize<Manifest>(bytes, AuditJson.Options);
            }
            catch (JsonException ex)
            {
                f.Add(ExportFiles.Manifest, null, ex.Path, null, null, $"manifest.json: not a readable manifest ({ex.Message})");
                return "";
            }
            if (manifest?.Format != Manifest.FormatName || manifest.Files is null || manifest.Chain is null || manifest.Baseline is null)
            {
                f.Add(ExportFiles.Manifest, null, "format", Manifest.FormatName, manifest?.Format, $"manifest.json: not a {Manifest.FormatName} manifest.");
                manifest = null;
                return "";
            }
            return $"baseline {manifest.Baseline.Id} as of seq {manifest.AsOf.Seq} ({manifest.AsOf.Time}), generated by {manifest.Generator.Name} {manifest.Generator.Version}";
        });
        return manifest;
    }

    private static string CheckHashes(Manifest manifest, IReadOnlyDictionary<string, string> sha256, CheckFailures failures)
    {
        foreach (var unlisted in ExportFiles.Hashed.Except(manifest.Files.Select(f => f.Name)))
            failures.Add(ExportFiles.Manifest, null, "files", unlisted, null, $"manifest.json: lists no SHA-256 for {unlisted}.");
        foreach (var file in manifest.Files)
        {
            if (!ExportFiles.Hashed.Contains(file.Name)) { failures.Add(ExportFiles.Manifest, null, "files", null, file.Name, $"manifest.json: lists {file.Name}, which is not a file an audit export holds."); continue; }
            if (!sha256.TryGetValue(file.Name, out var actual)) { failures.Add(file.Name, null, "sha256", file.Sha256, null, $"{file.Name}: listed in the manifest but missing from the zip."); continue; }
            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
                failures.Add(file.Name, null, "sha256", file.Sha256, actual, $"{file.Name}: SHA-256 is {actual}, the manifest says {file.Sha256}.");
        }
        return $"{manifest.Files.Count} files match their SHA-256 in the manifest";
    }

    private static string CheckSignature(Manifest? manifest, byte[]? signed, byte[]? signature, string? pinnedKey, CheckFailures failures)
    {
        if (manifest is null && pinnedKey is null)
        {
            failures.Add(ExportFiles.Signature, null, null, null, null, "manifest.sig: cannot be checked: manifest.json is unreadable and no public key was given.");
            return "";
        }
        if (manifest is not null && manifest.Signature is null)
        {
            if (signature is not null) failures.Add(ExportFiles.Signature, null, null, null, null, "manifest.sig: present, but manifest.json declares no signature.");
            if (pinnedKey is not null) failures.Add(ExportFiles.Signature, null, null, "a signature", null, "manifest.sig: a public key was given, but the export is not signed.");
            return "not signed (nothing vouches for manifest.json beyond the hash chain head)";
        }
        if (signature is null) { failures.Add(ExportFiles.Signature, null, null, null, null, "manifest.sig: missing, though manifest.json declares a signature."); return ""; }
        var key = pinnedKey ?? manifest!.Signature!.PublicKeyPem;
        if (signed is null || !ManifestSigner.Verify(key, signed, signature))
        {
            failures.Add(ExportFiles.Signature, null, null, null, null, pinnedKey is null
                ? "manifest.sig: not a valid signature of manifest.json for the key embedded in the manifest."
                : "manifest.sig: not a valid signature of manifest.json for the given public key.");
            return "";
        }
        return pinnedKey is null
            ? "signature valid for the embedded key, which is not pinned (pass --public-key to pin it)"
            : "signature valid for the given public key";
    }
}
