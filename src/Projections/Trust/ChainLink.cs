using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Traceability.Projections.Trust;

/// <summary>
/// link(n) = SHA-256(link(n-1) ‖ U64(n) ‖ U64(chained_at µs since 1970 UTC) ‖ digest(n)); link(0) is empty.
/// Positions are gapless and in commit order, so the link of the last position vouches for the whole
/// log before it: no event can be removed, reordered or slipped in without breaking every later link.
/// </summary>
public static class ChainLink
{
    public const string Rule =
        "link(n) = SHA-256(link(n-1) ‖ U64(n) ‖ U64(chainedAt µs since 1970 UTC) ‖ digest(n)), link(0) empty; positions start at 1 with no gaps.";

    public static byte[] Compute(ReadOnlySpan<byte> previous, long position, DateTimeOffset chainedAt, ReadOnlySpan<byte> digest)
    {
        Span<byte> buffer = stackalloc byte[32 + 16 + 32];
        previous.CopyTo(buffer);
        var at = previous.Length;
        BinaryPrimitives.WriteInt64BigEndian(buffer[at..], position);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(at + 8)..], EventDigest.ToMicroseconds(chainedAt));
        digest.CopyTo(buffer[(at + 16)..]);
        return SHA256.HashData(buffer[..(at + 16 + digest.Length)]);
    }
}
