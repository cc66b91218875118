using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Traceability.Projections.Events;

/// <summary>Events and metadata to and from their stored (canonical JSON) form, under registry aliases.</summary>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    /// <summary>
    /// Properties are written in ordinal order of their JSON names and non-ASCII text unescaped, so the
    /// serializer's output usually already is <see cref="CanonicalJson"/> and need not be rewritten.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SortProperties } },
    };

    public EventTypeRegistry Registry { get; } = registry;

    public (string Alias, byte[] CanonicalData) Serialize(object data)
    {
        var alias = Registry.AliasOf(data.GetType());
        return (alias, Canonical(JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), Options)));
    }

    private static byte[] Canonical(byte[] json) => CanonicalJson.IsCanonical(json) ? json : CanonicalJson.Canonicalize(json);

    private static void SortProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Properties.Count < 2) return;
        var sorted = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        info.Properties.Clear();
        foreach (var property in sorted) info.Properties.Add(property);
    }

    public static byte[] SerializeMetadata(EventMetadata metadata) =>
        Canonical(JsonSerializer.SerializeToUtf8Bytes(metadata, Options));

    public object Deserialize(string alias, string json) =>
        JsonSerializer.Deserialize(json, Registry.TypeOf(alias), Options)
            ?? throw new UnknownEventType($"Stored event of type '{alias}' is null.");

    public static EventMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, Options) ?? new EventMetadata("unknown");
}
