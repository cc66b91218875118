using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Traceability.Projections.Trust;

/// <summary>
/// The two field encodings every hash of the log uses (the event digest, and release 0.1.0's chain that the
/// upgrade verifies): bytes as a 4-byte big-endian length and the bytes, numbers as 8-byte big-endian.
/// </summary>
internal static class HashFields
{
    public static void Bytes(IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    public static void Number(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
