using System.Formats.Tar;
using System.IO.Compression;
using Traceability.Domain.Kconfig.Catalog;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

/// <summary>Where a catalog's Kconfig files come from: a directory on the server, or an uploaded .tar.gz.</summary>
public static class CatalogTrees
{
    /// <summary>All Kconfig files of 6.12 are ~19 MB; more than this is not a kernel tree's Kconfig set.</summary>
    private const long MaxKconfigBytes = 128L * 1024 * 1024;

    /// <summary>Reads only below root: a source path with ".." that climbs out is "no such file".</summary>
    public static IKconfigSource Directory(string root)
    {
        var full = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        return KconfigSources.From(path =>
        {
            var file = Path.GetFullPath(Path.Combine(full, path));
            return file.StartsWith(full, StringComparison.Ordinal) && File.Exists(file) ? File.ReadAllText(file) : null;
        });
    }

    /// <summary>
    /// The Kconfig* files of a gzip'ed tarball (a whole kernel tree or only its Kconfig files), with
    /// the top directory (linux-6.12/) stripped: the root is where the top-level Kconfig is.
    /// </summary>
    public static async Task<IKconfigSource> TarballAsync(Stream body, CancellationToken ct)
    {
        try
        {
            await using var gzip = new GZipStream(body, CompressionMode.Decompress);
            return await ReadTarAsync(gzip, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BadRequest($"The body is not a readable .tar.gz: {e.Message}");
        }
    }

    /// <summary>
    /// A .tar.xz, as Debian ships kernel sources: the BCL has no xz decoder, so the body is piped
    /// through the system's `xz -dc` (xz-utils, on every Debian/Ubuntu) while the tar is read from its output.
    /// </summary>
    public static async Task<IKconfigSource> XzTarballAsync(Stream body, CancellationToken ct)
    {
        using var xz = XzProcess.Start();
        var feed = xz.FeedAsync(body, ct);
        IKconfigSource? source = null;
        Exception? unreadable = null;
        try
        {
            source = await ReadTarAsync(xz.Output, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or BadRequest)
        {
            unreadable = e;
        }
        var error = await xz.FinishAsync(feed);
        if (error is not null) throw new BadRequest($"The body is not a readable .tar.xz: {error}");
        return source ?? throw (unreadable is BadRequest ? unreadable : new BadRequest($"The body is not a readable .tar.xz: {unreadable!.Message}"));
    }

    private static async Task<IKconfigSource> ReadTarAsync(Stream decompressed, CancellationToken ct)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        // leaveOpen: the caller owns the stream (xz's output must still be drained after the tar ends).
        await using (var tar = new TarReader(decompressed, leaveOpen: true))
        {
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                if (!Path.GetFileName(entry.Name).StartsWith("Kconfig", StringComparison.Ordinal)) continue;
                total += entry.Length;
                if (total > MaxKconfigBytes) throw new BadRequest($"The tarball's Kconfig files exceed {MaxKconfigBytes / (1024 * 1024)} MB.");
                using var reader = new StreamReader(entry.DataStream);
                files[entry.Name.TrimStart('.', '/')] = await reader.ReadToEndAsync(ct);
            }
        }
        var rootKconfig = files.Keys.Where(k => Path.GetFileName(k) == "Kconfig").MinBy(k => k.Length)
            ?? throw new BadRequest("The tarball has no top-level Kconfig file.");
        var prefix = rootKconfig[..^"Kconfig".Length];
        return KconfigSources.From(files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[prefix.Length..], f => f.Value));
    }
}
