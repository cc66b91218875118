using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Traceability.Projections.Events;

namespace Traceability.Projections.Trust;

/// <summary>What an event's digest covers, in the stored form (canonical JSON for data and headers).</summary>
public sealed record DigestInput(
    Guid Id, string StreamId, long Version, string Type, DateTimeOffset Timestamp,
    string? User, string? Correlation, string? Causation, byte[] CanonicalHeaders, byte[] CanonicalData);

/// <summary>
/// digest = SHA-256 of "traceability/event/v1", id, stream, version, type, timestamp, user, correlation,
/// causation, headers (without "auth") and data, in that order: texts as a 4-byte big-endian length and
/// their UTF-8 bytes (a missing one is empty), version and timestamp (microseconds since the Unix epoch,
/// UTC) as 8-byte big-endian integers, headers and data as canonical JSON (see CanonicalJson).
/// The same rule runs where events are signed, sealed into the chain, verified and exported.
/// </summary>
public static class EventDigest
{
    public const string Rule =
        "digest = SHA-256(L(\"traceability/event/v1\") ‖ L(id) ‖ L(stream) ‖ U64(version) ‖ L(type) ‖ U64(timestamp µs since 1970 UTC) ‖ "
        + "L(user) ‖ L(correlation) ‖ L(causation) ‖ L(headers without \"auth\") ‖ L(data)), where L(x) is x's UTF-8 byte length as a "
        + "4-byte big-endian integer followed by the bytes (an absent value is empty), U64 is an 8-byte big-endian integer, id is "
        + "the lower-case hyphenated UUID, and headers and data are canonical JSON (object keys sorted by UTF-16 code units, no "
        + "whitespace, numbers as written, strings as UTF-8 escaped only where JSON requires: \\\" \\\\ \\b \\f \\n \\r \\t, and any other "
        + "control character as \\u00xx in lower-case hex).";

    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("traceability/event/v1");

    private const int PooledUpTo = 1 << 20;

    /// <summary>
    /// The fields written into one buffer and hashed in one call. Through <c>IncrementalHash</c> (a native context per
    /// event, two calls into it per field) a digest in the signing listener took 16.7 µs against 10.1 (one probe run).
    /// </summary>
    public static byte[] Compute(DigestInput e)
    {
        var size = 11 * 4 + Domain.Length + 36 + 8 + 8 + e.CanonicalHeaders.Length + e.CanonicalData.Length
            + Utf8(e.StreamId) + Utf8(e.Type) + Utf8(e.User) + Utf8(e.Correlation) + Utf8(e.Causation);
        // A catalog's event runs to megabytes: its buffer is not kept in the pool afterwards.
        var pooled = size <= PooledUpTo;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        try
        {
            var fields = new HashFields.Writer(buffer);
            fields.Bytes(Domain);
            fields.Id(e.Id);
            fields.Text(e.StreamId);
            fields.Number(e.Version);
            fields.Text(e.Type);
            fields.Number(ToMicroseconds(e.Timestamp));
            fields.Text(e.User);
            fields.Text(e.Correlation);
            fields.Text(e.Causation);
            fields.Bytes(e.CanonicalHeaders);
            fields.Bytes(e.CanonicalData);
            return SHA256.HashData(fields.Written);
        }
        finally
        {
            if (pooled) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static int Utf8(string? text) => Encoding.UTF8.GetByteCount(text ?? "");
}
