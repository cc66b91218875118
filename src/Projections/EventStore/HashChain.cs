using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Traceability.Projections.Events;

/// <summary>
/// hash = SHA-256(prev_hash ‖ stream_id ‖ version ‖ type ‖ data ‖ metadata ‖ timestamp), where each
/// variable-length part is prefixed by its length as a 4-byte big-endian integer, version and
/// timestamp (microseconds since the Unix epoch, UTC) are 8-byte big-endian, and data and
/// metadata are in <see cref="CanonicalJson"/> form. The first event's prev_hash is empty.
/// </summary>
public static class HashChain
{
    public static byte[] Compute(
        ReadOnlySpan<byte> prevHash, string streamId, long version, string type,
        ReadOnlySpan<byte> canonicalData, ReadOnlySpan<byte> canonicalMetadata, DateTimeOffset timestamp)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendPart(hash, prevHash);
        AppendPart(hash, Encoding.UTF8.GetBytes(streamId));
        AppendInt64(hash, version);
        AppendPart(hash, Encoding.UTF8.GetBytes(type));
        AppendPart(hash, canonicalData);
        AppendPart(hash, canonicalMetadata);
        AppendInt64(hash, ToUnixMicroseconds(timestamp));
        return hash.GetHashAndReset();
    }

    public static long ToUnixMicroseconds(DateTimeOffset timestamp) =>
        (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static void AppendPart(IncrementalHash hash, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
