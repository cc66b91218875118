using System.Formats.Tar;
using Traceability.Domain.Kconfig.Catalog;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

/// <summary>
/// The Kconfig* files of a tarball, held in memory with the top directory (linux-6.12/) stripped: the
/// root is where the top-level Kconfig is. Nothing is extracted, so no link can lead out of the tree;
/// links, FIFOs and devices in the tarball are remembered only to say why a source through them is not read.
/// </summary>
public sealed class TarballSource : IKconfigSource
{
    /// <summary>All Kconfig files of 6.12 are ~19 MB; more than this is not a kernel tree's Kconfig set.</summary>
    private const long MaxKconfigBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, string> _files;
    private readonly Dictionary<string, string> _special;

    private TarballSource(Dictionary<string, string> files, Dictionary<string, string> special) => (_files, _special) = (files, special);

    public KconfigFile Read(string path)
    {
        if (_files.TryGetValue(path, out var text)) return KconfigFile.Of(text);
        for (var prefix = path; prefix.Length > 0; prefix = Path.GetDirectoryName(prefix) ?? "")
        {
            if (_special.TryGetValue(prefix, out var kind)) return KconfigFile.Refused($"it lies behind a {kind} in the tarball, which is not followed");
        }
        return KconfigFile.Missing;
    }

    public static async Task<TarballSource> ReadAsync(Stream decompressed, CancellationToken ct)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var special = new Dictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        // leaveOpen: the caller owns the stream (xz's output must still be drained after the tar ends).
        await using (var tar = new TarReader(decompressed, leaveOpen: true))
        {
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                var name = entry.Name.TrimStart('.', '/').TrimEnd('/');
                if (Special(entry) is { } kind) { special[name] = kind; continue; }
                if (entry.DataStream is null || !Path.GetFileName(name).StartsWith("Kconfig", StringComparison.Ordinal)) continue;
                if (entry.Length > DirectorySource.MaxFileBytes) { special[name] = "file larger than any Kconfig file"; continue; }
                total += entry.Length;
                if (total > MaxKconfigBytes) throw new BadRequest($"The tarball's Kconfig files exceed {MaxKconfigBytes / (1024 * 1024)} MB.");
                using var reader = new StreamReader(entry.DataStream);
                files[name] = await reader.ReadToEndAsync(ct);
            }
        }
        var rootKconfig = files.Keys.Where(k => Path.GetFileName(k) == "Kconfig").MinBy(k => k.Length)
            ?? throw new BadRequest("The tarball has no top-level Kconfig file.");
        var top = rootKconfig[..^"Kconfig".Length];
        return new TarballSource(Below(files, top), Below(special, top));
    }

    private static string? Special(TarEntry entry) => entry.EntryType switch
    {
        TarEntryType.SymbolicLink => "symbolic link",
        TarEntryType.HardLink => "hard link",
        TarEntryType.Fifo => "FIFO",
        TarEntryType.CharacterDevice or TarEntryType.BlockDevice => "device",
        _ => null,
    };

    private static Dictionary<string, string> Below(Dictionary<string, string> entries, string top) =>
        entries.Where(e => e.Key.StartsWith(top, StringComparison.Ordinal) && e.Key.Length > top.Length)
            .ToDictionary(e => e.Key[top.Length..], e => e.Value, StringComparer.Ordinal);
}
