using System.Buffers;
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
        var streamBytes = Encoding.UTF8.GetByteCount(streamId);
        var typeBytes = Encoding.UTF8.GetByteCount(type);
        var length = 5 * 4 + 2 * 8 + prevHash.Length + streamBytes + typeBytes + canonicalData.Length + canonicalMetadata.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            var at = Part(buffer, 0, prevHash);
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], streamBytes);
            at += 4 + Encoding.UTF8.GetBytes(streamId, buffer[(at + 4)..]);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], version);
            BinaryPrimitives.WriteInt32BigEndian(buffer[(at += 8)..], typeBytes);
            at += 4 + Encoding.UTF8.GetBytes(type, buffer[(at + 4)..]);
            at = Part(buffer, at, canonicalData);
            at = Part(buffer, at, canonicalMetadata);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], ToUnixMicroseconds(timestamp));
            return SHA256.HashData(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static long ToUnixMicroseconds(DateTimeOffset timestamp) =>
        (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static int Part(Span<byte> buffer, int at, ReadOnlySpan<byte> part)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer[at..], part.Length);
        part.CopyTo(buffer[(at + 4)..]);
        return at + 4 + part.Length;
    }
}
