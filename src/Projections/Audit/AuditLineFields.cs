using System.Globalization;
using System.Text.Json;
using Traceability.Projections.Events;

namespace Traceability.Projections.Audit;

/// <summary>Field readers for events.jsonl that say which field is missing or malformed.</summary>
internal static class AuditLineFields
{
    public static AuditPayload Payload(JsonElement root) => new(
        Field(root, "id", e => Guid.Parse(e.GetString()!, CultureInfo.InvariantCulture)),
        Field(root, "timestamp", Time),
        Field(root, "user", OptionalText),
        Field(root, "correlation", OptionalText),
        Field(root, "causation", OptionalText),
        Field(root, "headers", JsonObject),
        Field(root, "data", JsonObject));

    public static DateTimeOffset Time(JsonElement e) => DateTimeOffset.ParseExact(e.GetString()!, AuditEventLine.TimeFormat,
        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static T Field<T>(JsonElement root, string name, Func<JsonElement, T> read)
    {
        if (!root.TryGetProperty(name, out var value)) throw new FormatException($"field '{name}' is missing");
        try
        {
            return read(value);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or OverflowException or JsonException)
        {
            throw new FormatException($"field '{name}' is malformed ({ex.Message})", ex);
        }
    }

    private static string? OptionalText(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();

    private static byte[] JsonObject(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object ? CanonicalJson.Canonicalize(e) : throw new FormatException("not a JSON object");
}
