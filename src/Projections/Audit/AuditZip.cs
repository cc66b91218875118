using System.IO.Compression;

namespace Traceability.Projections.Audit;

/// <summary>
/// Writes entries in the given order with one fixed timestamp and fixed attributes, so equal content
/// gives an equal zip; reads them back with a cap on the inflated size (a verify upload is untrusted).
/// </summary>
public static class AuditZip
{
    /// <summary>The DOS epoch: no wall-clock time can leak into the archive.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const long MaxInflatedBytes = 1L << 30;
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

    /// <summary>Entries in archive order; InvalidDataException when the bytes are not a zip or inflate past the cap.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Read(Stream zipBytes)
    {
        using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read, leaveOpen: true);
        var files = new List<(string, byte[])>();
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                if ((total += read) > MaxInflatedBytes) throw new InvalidDataException("The archive inflates to more than 1 GiB.");
                content.Write(buffer, 0, read);
            }
            files.Add((entry.FullName, content.ToArray()));
        }
        return files;
    }
}
