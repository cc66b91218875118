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

    public static byte[] Compute(DigestInput e)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Text(hash, Domain);
        Text(hash, e.Id.ToString("D"));
        Text(hash, e.StreamId);
        Number(hash, e.Version);
        Text(hash, e.Type);
        Number(hash, ToMicroseconds(e.Timestamp));
        Text(hash, e.User);
        Text(hash, e.Correlation);
        Text(hash, e.Causation);
        Text(hash, e.CanonicalHeaders);
        Text(hash, e.CanonicalData);
        return hash.GetHashAndReset();
    }

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static void Text(IncrementalHash hash, string? text) => HashFields.Bytes(hash, Encoding.UTF8.GetBytes(text ?? ""));

    private static void Text(IncrementalHash hash, ReadOnlySpan<byte> bytes) => HashFields.Bytes(hash, bytes);

    private static void Number(IncrementalHash hash, long value) => HashFields.Number(hash, value);
}
