using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// manifest.sig must verify for a pinned key, or (unpinned) for the embedded key the manifest names, which
/// proves nothing about who made the export. An unsigned export fails: only integrity against accidents.
/// </summary>
internal static class ExportSignature
{
    public const string Unsigned =
        "manifest.sig: the export is NOT signed. Its hashes protect it only against accidental damage: anyone could have "
        + "made or changed it. The service signs every export it makes, so treat this one as untrusted.";

    public static string Check(Manifest? manifest, byte[]? signed, byte[]? signature, IReadOnlyList<TrustedKey> pinned, CheckFailures failures)
    {
        if (manifest is null)
        {
            failures.Add(ExportFiles.Signature, null, null, null, null, "manifest.sig: cannot be checked: manifest.json is unreadable.");
            return "";
        }
        if (manifest.Signature is null || signature is null)
        {
            failures.Add(ExportFiles.Signature, null, null, "a signature", null, manifest.Signature is null && signature is not null
                ? "manifest.sig: present, but manifest.json declares no signature." : Unsigned);
            return "";
        }
        var keyId = manifest.Signature.KeyId;
        var key = pinned.Count > 0 ? pinned.FirstOrDefault(k => k.KeyId == keyId) : manifest.Keys.FirstOrDefault(k => k.KeyId == keyId);
        if (key is null || signed is null || !key.Verifies(signed, signature))
        {
            failures.Add(ExportFiles.Signature, null, "keyId", keyId, null, pinned.Count > 0
                ? $"manifest.sig: not a valid signature of manifest.json by a pinned public key (the manifest names key {keyId})."
                : $"manifest.sig: not a valid signature of manifest.json by the key {keyId} the manifest embeds.");
            return "";
        }
        return pinned.Count > 0
            ? $"signature valid for the pinned public key {keyId}"
            : $"signature valid for the embedded key {keyId}, which is NOT pinned: it proves the export is intact, not who made it (pass --public-key to pin the service's key)";
    }
}
