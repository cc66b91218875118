using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Projections.Events;

namespace Traceability.Projections.Trust;

/// <summary>The headers an event's digest covers: every header but "auth", as canonical JSON ("{}" when none).</summary>
public static class EventHeaders
{
    public static byte[] Canonical(IEnumerable<KeyValuePair<string, object>>? headers)
    {
        var covered = new JsonObject();
        foreach (var (key, value) in headers ?? [])
        {
            if (key != AuthHeader.Name) covered[key] = JsonSerializer.SerializeToNode(value, EventJson.Options);
        }
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(covered, EventJson.Options));
    }

    /// <summary>From the stored jsonb text.</summary>
    public static byte[] Canonical(JsonNode? stored)
    {
        if (stored is not JsonObject o) return "{}"u8.ToArray();
        var covered = new JsonObject();
        foreach (var (key, value) in o)
        {
            if (key != AuthHeader.Name) covered[key] = value?.DeepClone();
        }
        return CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(covered, EventJson.Options));
    }
}
