using System.Runtime.InteropServices;

namespace Traceability.Api.Catalogs;

/// <summary>The kind of a file system entry, from its mode bits, without opening it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Device,
    Socket,
    Other,
}

/// <summary>
/// realpath(3) and statx(2) from the C library: .NET can neither resolve every symbolic link of a path
/// (only the last one) nor tell a FIFO or a device from a regular file without opening it, and
/// opening a FIFO to read blocks until a writer comes (a catalog build once hung past its timeout).
/// statx's buffer has one layout on every Linux architecture, unlike stat's.
/// </summary>
internal static class NativeFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    /// <summary>The path with every symbolic link, "." and ".." resolved; null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>The entry itself (a link is not followed) and its size in bytes.</summary>
    public static (FileKind Kind, long Size) Stat(string path)
    {
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0) return (FileKind.Missing, 0);
        var kind = (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return (kind, (long)BitConverter.ToUInt64(buffer, 40));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
