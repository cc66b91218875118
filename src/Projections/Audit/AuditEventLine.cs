using System.Globalization;
using System.Text;
using System.Text.Json;
using Traceability.Projections.Events;

namespace Traceability.Projections.Audit;

/// <summary>
/// One line of events.jsonl: seq, id, streamId, version, type, data, metadata, timestamp, prevHash, hash.
/// data and metadata are the canonical JSON that was hashed, embedded as they are; the timestamp keeps
/// its microseconds (the hash covers them); hashes are lower-case hex, the first prevHash empty.
/// </summary>
public static class AuditEventLine
{
    public const string TimeFormat = Timestamps.Format;

    public static string Time(DateTimeOffset time) => Timestamps.Text(time);

    public static void Write(AuditEvent e, Stream output)
    {
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{{\"seq\":{e.Seq},\"id\":\"{e.Id:D}\",\"streamId\":{Quoted(e.StreamId)},\"version\":{e.Version},\"type\":{Quoted(e.Type)},\"data\":");
        output.Write(Encoding.UTF8.GetBytes(head));
        output.Write(e.Data);
        output.Write(",\"metadata\":"u8);
        output.Write(e.Metadata);
        var tail = $",\"timestamp\":\"{Time(e.Timestamp)}\",\"prevHash\":\"{Convert.ToHexStringLower(e.PrevHash)}\",\"hash\":\"{Convert.ToHexStringLower(e.Hash)}\"}}\n";
        output.Write(Encoding.UTF8.GetBytes(tail));
    }

    private static string Quoted(string text) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(JsonSerializer.Serialize(text)));

    /// <summary>Reads one line; a FormatException names the field that is missing or malformed.</summary>
    public static AuditEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("the line is not a JSON object");
        return new AuditEvent(
            Field(root, "seq", e => e.GetInt64()),
            Field(root, "id", e => Guid.Parse(e.GetString()!, CultureInfo.InvariantCulture)),
            Field(root, "streamId", e => e.GetString()!),
            Field(root, "version", e => e.GetInt64()),
            Field(root, "type", e => e.GetString()!),
            Field(root, "data", JsonObject),
            Field(root, "metadata", JsonObject),
            Field(root, "timestamp", e => DateTimeOffset.ParseExact(e.GetString()!, TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)),
            Field(root, "prevHash", e => Convert.FromHexString(e.GetString()!)),
            Field(root, "hash", e => Convert.FromHexString(e.GetString()!)));
    }

    private static byte[] JsonObject(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object ? CanonicalJson.Canonicalize(e) : throw new FormatException("not a JSON object");

    private static T Field<T>(JsonElement root, string name, Func<JsonElement, T> read)
    {
        if (!root.TryGetProperty(name, out var value)) throw new FormatException($"field '{name}' is missing");
        try
        {
            return read(value);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new FormatException($"field '{name}' is malformed ({ex.Message})", ex);
        }
    }
}
