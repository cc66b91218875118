using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Projections.Events;

namespace Traceability.Projections.Trust;

/// <summary>
/// The "auth" header of every event the service writes: the append (batch) it belongs to, its place in
/// it, and the key that signed it. The last event of a batch also carries the signature over the
/// digests of all the batch's events, in order (<see cref="Message"/>).
/// </summary>
public sealed record AuthHeader(Guid Batch, int Index, int Count, string Key, string? Signature = null)
{
    public const string Name = "auth";

    public const string SignatureRule =
        "signature = ECDSA P-256 / SHA-256 (IEEE P1363, base64) by the key named in \"key\" over L(\"traceability/append/v1\") ‖ L(batch) ‖ "
        + "U32(count) ‖ L(key) ‖ digest(1) ‖ … ‖ digest(count), the digests of the batch's events in index order (32 bytes each).";

    private static readonly byte[] Domain = Encoding.UTF8.GetBytes("traceability/append/v1");

    public static byte[] Message(Guid batch, string keyId, IReadOnlyList<byte[]> digests)
    {
        var texts = new[] { Domain, Encoding.UTF8.GetBytes(batch.ToString("D")), Encoding.UTF8.GetBytes(keyId) };
        var buffer = new byte[texts.Sum(t => t.Length + 4) + 4 + digests.Count * 32];
        var at = Put(buffer, 0, texts[0]);
        at = Put(buffer, at, texts[1]);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), digests.Count);
        at = Put(buffer, at + 4, texts[2]);
        foreach (var digest in digests)
        {
            digest.CopyTo(buffer, at);
            at += digest.Length;
        }
        return buffer;
    }

    /// <summary>The header inside a stored headers object, or null when there is none or it is not one of ours.</summary>
    public static AuthHeader? Read(JsonNode? headers)
    {
        if (headers is not JsonObject o || o[Name] is not JsonObject auth) return null;
        try
        {
            return auth.Deserialize<AuthHeader>(EventJson.Options) is { Count: > 0, Index: > 0 } h && h.Index <= h.Count && h.Key is not null ? h : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static int Put(byte[] buffer, int at, byte[] text)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), text.Length);
        text.CopyTo(buffer, at + 4);
        return at + 4 + text.Length;
    }
}

/// <summary>
/// Marten writes a "tombstone" into stream mt_tombstone for sequence numbers a failed transaction used
/// up, so its async daemon does not wait on the gap. Such an event carries nothing (empty data) and is
/// never folded; it is chained like any event but was not written by the service, so it is not signed.
/// </summary>
public static class GapFiller
{
    public const string Stream = "mt_tombstone";
    public const string Type = "tombstone";

    public static bool Is(string stream, string type) => stream == Stream && type == Type;
}
