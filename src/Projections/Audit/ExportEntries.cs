namespace Traceability.Projections.Audit;

/// <summary>The zip holds exactly the export's files, in their fixed order; and each matches its SHA-256 in the manifest.</summary>
internal static class ExportEntries
{
    public static string Check(IReadOnlyList<string> names, CheckFailures failures)
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

    public static string CheckHashes(Manifest manifest, IReadOnlyDictionary<string, string> sha256, CheckFailures failures)
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
}
