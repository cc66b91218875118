using System.IO.Compression;

namespace Traceability.Projections.Audit;

/// <summary>
/// Writes entries in the given order with one fixed timestamp and fixed attributes, so equal content
/// gives an equal zip (reading one back, within limits, is <see cref="ExportEntries"/>' job).
/// </summary>
public static class AuditZip
{
    /// <summary>The DOS epoch: no wall-clock time can leak into the archive.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int RegularFile0644 = unchecked((int)0x81A4_0000);

    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                entry.ExternalAttributes = RegularFile0644;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }
}
