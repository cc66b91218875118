using System.Globalization;
using System.Text;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Catalogs;

/// <summary>
/// A kernel tree in a directory on the server. Only regular files inside the tree are read: every path
/// is resolved to its real path first, so a symbolic link out of the tree (etcdir → /etc, a link to
/// /dev/zero) is refused, and a FIFO, device or socket is refused from its mode without being opened.
/// Refusals say why, never what the file holds.
/// </summary>
public sealed class DirectorySource : IKconfigSource
{
    /// <summary>The largest Kconfig file of 6.12 is ~110 KB; a file of more than this is not one.</summary>
    public const long MaxFileBytes = 4L * 1024 * 1024;

    private readonly string _root;

    public DirectorySource(string root)
    {
        var full = Path.GetFullPath(root);
        _root = (RealRoot(full) ?? full).TrimEnd('/') + "/";
    }

    /// <summary>Without realpath every read is refused anyway (see Read), so the root needs no more than its full path.</summary>
    private static string? RealRoot(string full)
    {
        try
        {
            return NativeFiles.RealPath(full);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public KconfigFile Read(string path)
    {
        var candidate = Path.GetFullPath(Path.Combine(_root, path));
        if (!candidate.StartsWith(_root, StringComparison.Ordinal)) return KconfigFile.Refused("its path leads out of the kernel tree");
        try
        {
            return ReadInside(candidate);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return KconfigFile.Refused("the server cannot check where the file leads (no realpath/statx in its C library)");
        }
    }

    private KconfigFile ReadInside(string candidate)
    {
        var real = NativeFiles.RealPath(candidate);
        if (real is null) return KconfigFile.Missing;
        if (!real.StartsWith(_root, StringComparison.Ordinal)) return KconfigFile.Refused("it resolves outside the kernel tree (a symbolic link)");
        var (kind, size) = NativeFiles.Stat(real);
        if (kind == FileKind.Missing) return KconfigFile.Missing;
        if (kind != FileKind.Regular) return KconfigFile.Refused($"it is a {Describe(kind)}, not a regular file");
        return size > MaxFileBytes ? KconfigFile.Refused(TooLarge()) : ReadBounded(real, size);
    }

    /// <summary>Reads the measured size and one byte more: a file that grew since is not read on.</summary>
    private static KconfigFile ReadBounded(string path, long size)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var buffer = new byte[size + 1];
        var length = 0;
        for (int read; length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0;) length += read;
        return length > size ? KconfigFile.Refused("it grew while it was read") : KconfigFile.Of(Encoding.UTF8.GetString(buffer, 0, length));
    }

    private static string TooLarge() =>
        string.Create(CultureInfo.InvariantCulture, $"it is larger than {MaxFileBytes:N0} bytes, which no Kconfig file is");

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO",
        FileKind.Device => "device",
        FileKind.Directory => "directory",
        FileKind.Socket => "socket",
        _ => "special file",
    };
}
