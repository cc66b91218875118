using System.IO.Compression;
using Traceability.Domain.Kconfig.Catalog;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

/// <summary>Where a catalog's Kconfig files come from: a directory on the server, or an uploaded .tar.gz.</summary>
public static class CatalogTrees
{
    /// <summary>Reads only regular files whose real path is below root (see <see cref="DirectorySource"/>).</summary>
    public static IKconfigSource Directory(string root) => new DirectorySource(root);

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

    private static async Task<IKconfigSource> ReadTarAsync(Stream decompressed, CancellationToken ct) =>
        await TarballSource.ReadAsync(decompressed, ct);
}
