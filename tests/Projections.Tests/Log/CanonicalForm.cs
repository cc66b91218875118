using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// The signer hashes the JSON it serialized; the verifier hashes <c>data::text</c>, which jsonb reorders and respaces.
/// Both must reach the same canonical bytes, whether the signer's text takes the no-rewrite path or not.
/// </summary>
public sealed class CanonicalForm
{
    [Fact]
    public void An_event_serialized_for_the_log_already_is_canonical_and_is_taken_as_it_is()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Proposed(), EventJson.Options);

        Assert.True(CanonicalJson.IsCanonical(json));
        Assert.Equal(json, CanonicalJson.Canonicalize(json));
    }

    [Fact]
    public void What_the_signer_hashes_equals_what_the_verifier_rebuilds_from_the_stored_text()
    {
        var signed = CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(Proposed(), EventJson.Options));

        Assert.Equal(signed, CanonicalJson.Canonicalize(Respaced(Encoding.UTF8.GetString(signed))));
    }

    [Theory]
    [InlineData("""{"b":1,"a":2}""", """{"a":2,"b":1}""")]
    [InlineData("""{"a": {"d":1,"c":[{"f":1,"e":2}]}}""", """{"a":{"c":[{"e":2,"f":1}],"d":1}}""")]
    [InlineData("""{"a":"caf\u00e9"}""", """{"a":"café"}""")]
    [InlineData("""{"a":"two  spaces","b":"tab\there"}""", """{"a":"two  spaces","b":"tab\there"}""")]
    [InlineData("""{"é":1,"e":2}""", """{"e":2,"é":1}""")]
    [InlineData("""{"Z":1,"a":2,"_":3}""", """{"Z":1,"_":3,"a":2}""")]
    public void Anything_not_yet_canonical_is_rewritten_and_what_is_canonical_stays(string input, string canonical)
    {
        Assert.Equal(canonical, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(input)));
        Assert.Equal(canonical, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(canonical)));
    }

    private static DecisionProposed Proposed() =>
        new("arm64-6.12", "CONFIG_FUTEX", "y", "needed by the libc: \"futex\" \\ every platform", ["AOU-0001"], [], ["REQ-7"]);

    /// <summary>Keys reversed and indented, as a store that keeps neither order nor spacing would give the text back.</summary>
    private static string Respaced(string json) => Reversed(JsonNode.Parse(json))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Reversed)]),
        _ => node?.DeepClone(),
    };
}
