using System.IO.Compression;
using System.Security.Cryptography;

namespace Traceability.Projections.Audit;

/// <summary>What one pass over the entries gave: each file's SHA-256, and the few files the checks read whole.</summary>
internal sealed record ReadEntries(IReadOnlyDictionary<string, string> Sha256, IReadOnlyDictionary<string, byte[]> Kept);

/// <summary>
/// An export's zip, read within <see cref="ExportLimits"/>: too many entries or a declared size past a limit
/// stop it before anything is inflated; every byte inflated is metered. Only the first entry of each name an
/// export holds is read; any other entry is reported by name and never inflated.
/// </summary>
internal sealed class ExportArchive
{
    /// <summary>The files the checks compare byte for byte as a whole; every other file is hashed as it streams.</summary>
    private static readonly HashSet<string> KeptWhole = [ExportFiles.Signature, ExportFiles.MatrixJson];

    private readonly Dictionary<string, ZipArchiveEntry> _known;
    private readonly InflationMeter _meter;

    private ExportArchive(ZipArchive archive, InflationMeter meter)
    {
        Names = archive.Entries.Select(e => e.FullName).ToList();
        _known = archive.Entries.Where(e => ExportFiles.All.Contains(e.FullName)).GroupBy(e => e.FullName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _meter = meter;
    }

    public IReadOnlyList<string> Names { get; }

    public static ExportArchive Open(ZipArchive archive, InflationMeter meter)
    {
        var limits = meter.Limits;
        if (archive.Entries.Count > limits.MaxEntries)
            throw new ExportLimitExceeded($"The archive has {archive.Entries.Count} entries; an audit export has at most {ExportFiles.All.Count}.", 0);
        var oversized = archive.Entries.FirstOrDefault(e => ExportFiles.All.Contains(e.FullName) && e.Length > limits.MaxBytesOf(e.FullName));
        if (oversized is not null)
        {
            throw new ExportLimitExceeded(
                $"{oversized.FullName} declares {oversized.Length} bytes, more than an audit export's {oversized.FullName} can be ({InflationMeter.Mib(limits.MaxBytesOf(oversized.FullName))}).", 0);
        }
        return new ExportArchive(archive, meter);
    }

    /// <summary>The whole content of the first entry called <paramref name="name"/>; null when there is none.</summary>
    public byte[]? ReadWhole(string name)
    {
        if (!_known.TryGetValue(name, out var entry)) return null;
        using var stream = new MeteredEntry(entry.Open(), name, _meter);
        return Whole(stream);
    }

    /// <summary>The first entry called <paramref name="name"/> opened again, metered like the first read; null when there is none.</summary>
    public Stream? Reopen(string name) => _known.TryGetValue(name, out var entry) ? new MeteredEntry(entry.Open(), name, _meter) : null;

    /// <summary>Every file but the manifest, once: hashed, kept whole when a check compares it, walked when it is the log.</summary>
    public ReadEntries ReadRest(ChainWalk walk)
    {
        var sha256 = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, entry) in _known.Where(k => k.Key != ExportFiles.Manifest))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var stream = new MeteredEntry(entry.Open(), name, _meter, hash))
            {
                if (name == ExportFiles.Events) walk.Read(stream);
                else if (KeptWhole.Contains(name)) kept[name] = Whole(stream);
                else stream.CopyTo(Stream.Null);
            }
            sha256[name] = Convert.ToHexStringLower(hash.GetCurrentHash());
        }
        return new ReadEntries(sha256, kept);
    }

    private static byte[] Whole(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
