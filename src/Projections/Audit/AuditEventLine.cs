using System.Globalization;
using System.Text;
using System.Text.Json;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Audit;

/// <summary>
/// One line of events.jsonl, keys in a fixed order: position, chainedAt, digest, link, stream, version,
/// type, then either id, timestamp, user, correlation, causation, headers and data (the payload the
/// digest covers, headers and data as canonical JSON) or auth alone. Times are ISO-8601 UTC with
/// microseconds; digests and links lower-case hex.
/// </summary>
public static class AuditEventLine
{
    public const string TimeFormat = Timestamps.Format;

    public static string Time(DateTimeOffset time) => Timestamps.Text(time);

    public static void Write(AuditEvent e, Stream output)
    {
        Text(output, string.Create(CultureInfo.InvariantCulture,
            $"{{\"position\":{e.Position},\"chainedAt\":\"{Time(e.ChainedAt)}\",\"digest\":\"{Hex(e.Digest)}\",\"link\":\"{Hex(e.Link)}\","
            + $"\"stream\":{Quoted(e.StreamId)},\"version\":{e.Version},\"type\":{Quoted(e.Type)},"));
        if (e.Payload is { } p)
        {
            Text(output, $"\"id\":\"{p.Id:D}\",\"timestamp\":\"{Time(p.Timestamp)}\",\"user\":{Quoted(p.User)},"
                + $"\"correlation\":{Quoted(p.Correlation)},\"causation\":{Quoted(p.Causation)},\"headers\":");
            output.Write(p.Headers);
            output.Write(",\"data\":"u8);
            output.Write(p.Data);
        }
        else
        {
            output.Write("\"auth\":"u8);
            output.Write(e.Auth is null ? "null"u8 : CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(e.Auth, EventJson.Options)));
        }
        output.Write("}\n"u8);
    }

    /// <summary>Reads one line; a FormatException names the field that is missing or malformed.</summary>
    public static AuditEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("the line is not a JSON object");
        var full = root.TryGetProperty("data", out _);
        var payload = full ? AuditLineFields.Payload(root) : null;
        var auth = full ? AuthHeader.Read(System.Text.Json.Nodes.JsonNode.Parse(payload!.Headers))
            : AuditLineFields.Field(root, "auth", e => e.ValueKind == JsonValueKind.Null ? null : e.Deserialize<AuthHeader>(EventJson.Options));
        return new AuditEvent(
            AuditLineFields.Field(root, "position", e => e.GetInt64()),
            AuditLineFields.Field(root, "chainedAt", AuditLineFields.Time),
            AuditLineFields.Field(root, "digest", e => Convert.FromHexString(e.GetString()!)),
            AuditLineFields.Field(root, "link", e => Convert.FromHexString(e.GetString()!)),
            AuditLineFields.Field(root, "stream", e => e.GetString()!),
            AuditLineFields.Field(root, "version", e => e.GetInt64()),
            AuditLineFields.Field(root, "type", e => e.GetString()!),
            auth, payload);
    }

    private static void Text(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Quoted(string? text) =>
        text is null ? "null" : Encoding.UTF8.GetString(CanonicalJson.Canonicalize(JsonSerializer.Serialize(text)));
}
