using System.Text.Json;
using System.Text.Json.Serialization;

namespace Traceability.Projections.Events;

/// <summary>Events and metadata to and from their stored (canonical JSON) form, under registry aliases.</summary>
public sealed class EventSerializer(EventTypeRegistry registry)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public EventTypeRegistry Registry { get; } = registry;

    public (string Alias, byte[] CanonicalData) Serialize(object data)
    {
        var alias = Registry.AliasOf(data.GetType());
        return (alias, CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), Options)));
    }

    public static byte[] SerializeMetadata(EventMetadata metadata) =>
        CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(metadata, Options));

    public object Deserialize(string alias, string json) =>
        JsonSerializer.Deserialize(json, Registry.TypeOf(alias), Options)
            ?? throw new UnknownEventType($"Stored event of type '{alias}' is null.");

    public static EventMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, Options) ?? new EventMetadata("unknown");
}
