using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Http;

namespace Traceability.Api.Tests.Hardening;

/// <summary>
/// The kinds of bad input, each a mutation of the endpoint's own Swagger example (so everything but the
/// flaw under test is valid) or, for .config endpoints, a broken file. Null: the case does not apply.
/// </summary>
public static class BadInputs
{
    public const string UnknownIdsInRoute = "unknown ids in the route";
    public const string HugeBody = "a 50 MB body";

    public static readonly string[] All =
    [
        "malformed JSON", "wrong types", "missing fields", "over-long strings", "control characters", "invalid symbol names",
        "unknown ids in the body", UnknownIdsInRoute, "garbage in the route", "binary garbage", HugeBody,
    ];

    private static readonly string[] Linking = ["platform", "assumptions", "features", "requirements"];
    private static readonly Lazy<byte[]> Huge = new(() => new byte[50 * 1024 * 1024]);
    private static readonly byte[] Garbage = GarbageBytes();

    public static bool AppliesTo(WriteEndpoint endpoint, string @case) => @case switch
    {
        UnknownIdsInRoute or "garbage in the route" => endpoint.RouteParameters.Count > 0,
        _ => Body(endpoint, @case) is not null,
    };

    public static HttpContent? Body(WriteEndpoint endpoint, string @case)
    {
        if (@case == HugeBody) return Bytes(Huge.Value, endpoint.JsonBody is null && endpoint.TakesConfig ? "text/plain" : "application/json");
        if (!endpoint.HasBody) return null;
        if (@case is UnknownIdsInRoute or "garbage in the route") return Valid(endpoint);
        if (@case == "malformed JSON") return Json("{\"id\": [1, 2, {\"x\": ");
        if (@case == "binary garbage") return Bytes(Garbage, endpoint.TakesConfig ? "text/plain" : "application/json");
        return endpoint.JsonBody is null ? ConfigCase(@case) : JsonCase(endpoint, @case);
    }

    public static string RouteValue(string @case, string parameter, string existing) => @case switch
    {
        UnknownIdsInRoute => parameter == "symbol" ? "NO_SUCH_SYMBOL" : existing.StartsWith("AOU-", StringComparison.Ordinal) ? "AOU-9999" : "no-such-" + parameter,
        "garbage in the route" => Uri.EscapeDataString("\u0001\u001b[31m<x>'\"") + new string('a', 5000),
        _ => existing,
    };

    private static StringContent? JsonCase(WriteEndpoint endpoint, string @case)
    {
        var example = Example(endpoint);
        return @case switch
        {
            "wrong types" => Json(Mutate(example, _ => true, WrongType)),
            "missing fields" => endpoint.RequiredFields().Count == 0 ? null : Json(Without(example, endpoint.RequiredFields())),
            "over-long strings" => Json(Mutate(example, _ => true, v => Strings(v, _ => new string('x', 100_000)))),
            "control characters" => Json(Mutate(example, _ => true, v => Strings(v, s => s + "\u0000\u0001\u001b[31m\u007f"))),
            "invalid symbol names" => Has(example, IsSymbol) ? Json(Mutate(example, IsSymbol, v => Strings(v, _ => "not a symbol!"))) : null,
            "unknown ids in the body" => Has(example, Linking.Contains) ? Json(Mutate(example, Linking.Contains, v => Strings(v, _ => "AOU-9999"))) : null,
            _ => null,
        };
    }

    private static ByteArrayContent? ConfigCase(string @case) => @case switch
    {
        "wrong types" => Json("{\"config\": 5}"),
        "missing fields" => Text(""),
        "over-long strings" => Text(new string('x', 100_000)),
        "control characters" => Text("CONFIG_FUTEX=y\n\u0001\u0002\u001b[31m\n"),
        "invalid symbol names" => Text("CONFIG_not a symbol!=y\n"),
        _ => null,
    };

    private static HttpContent Valid(WriteEndpoint endpoint) =>
        endpoint.JsonBody is null ? Text("CONFIG_FUTEX=y\n") : Json(Example(endpoint));

    private static JsonObject Example(WriteEndpoint endpoint) =>
        JsonSerializer.SerializeToNode(RequestExamples.For(endpoint.JsonBody!)
            ?? throw new InvalidOperationException($"{endpoint.Name}: no example for {endpoint.JsonBody!.Name} in RequestExamples"),
            endpoint.JsonBody!, JsonSerializerOptions.Web)!.AsObject();

    private static bool IsSymbol(string name) => name.Contains("symbol", StringComparison.OrdinalIgnoreCase);

    private static bool Has(JsonObject body, Func<string, bool> field) => body.Any(p => field(p.Key));

    private static JsonObject Mutate(JsonObject body, Func<string, bool> field, Func<JsonNode?, JsonNode?> change)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var name in copy.Select(p => p.Key).Where(field).ToList()) copy[name] = change(copy[name]?.DeepClone());
        return copy;
    }

    private static JsonObject Without(JsonObject body, IReadOnlyList<string> fields)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var name in fields) copy.Remove(name);
        return copy;
    }

    /// <summary>A string becomes a number, an array an object, an object an array, anything else a string.</summary>
    private static JsonNode? WrongType(JsonNode? value) => value switch
    {
        JsonArray => new JsonObject { ["unexpected"] = 1 },
        JsonObject => new JsonArray(1, 2),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(12345),
        _ => JsonValue.Create("not the right type"),
    };

    private static JsonNode? Strings(JsonNode? value, Func<string, string> change) => value switch
    {
        JsonArray a => new JsonArray(a.Count == 0 ? [JsonValue.Create(change(""))] : a.Select(x => Strings(x, change)).ToArray()),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(change(p.Key), Strings(p.Value, change)))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(change(v.GetValue<string>())),
        _ => value,
    };

    private static StringContent Json(JsonObject body) => Json(body.ToJsonString());

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Text(string text) => Bytes(Encoding.UTF8.GetBytes(text), "text/plain");

    private static ByteArrayContent Bytes(byte[] bytes, string type) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };

    private static byte[] GarbageBytes()
    {
        var bytes = new byte[64 * 1024];
        new Random(6).NextBytes(bytes);
        return bytes;
    }
}
