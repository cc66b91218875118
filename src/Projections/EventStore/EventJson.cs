using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
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
