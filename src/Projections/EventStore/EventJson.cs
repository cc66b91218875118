using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Marten;
using Marten.Services;
using Weasel.Core;

namespace Traceability.Projections.Events;

/// <summary>
/// The JSON form of every stored event: camelCase names, enums as camelCase strings, nulls left out,
/// text unescaped where JSON allows. Marten stores events with exactly these rules and the digests
/// that authenticate events are computed over Marten's own serialization, so the two cannot drift.
/// </summary>
public static class EventJson
{
    public static void UseFor(StoreOptions options) =>
        // EnumStorage.AsInteger keeps Marten from adding its own PascalCase string converter; ours comes first.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.CamelCase, Configure);

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(SortProperties);
    }

    /// <summary>
    /// Properties are written in ordinal order of their JSON names, so an event's JSON usually already is
    /// <see cref="CanonicalJson"/> and signing it skips the rewrite. Stored as jsonb, the order is not kept anyway.
    /// </summary>
    private static void SortProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Properties.Count < 2) return;
        var sorted = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        info.Properties.Clear();
        foreach (var property in sorted) info.Properties.Add(property);
    }

    /// <summary>The same rules outside Marten (headers, tests, the offline verifier's reading of payloads).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
