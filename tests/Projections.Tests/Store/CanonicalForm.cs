using System.Text;
using Traceability.Projections.Events;

namespace Traceability.Projections.Tests.Store;

public sealed class CanonicalForm
{
    [Theory]
    [InlineData("{\"b\":1,\"a\":[true,null,\"x\"]}", "{\"a\":[true,null,\"x\"],\"b\":1}")]
    [InlineData("{ \"z\" : { \"y\": 2, \"x\": 1 } }", "{\"z\":{\"x\":1,\"y\":2}}")]
    [InlineData("{\"s\":\"\\u00fc \\u0027 \\/ tab\\t\"}", "{\"s\":\"ü ' / tab\\t\"}")]
    [InlineData("{\"c\":\"\\u0001\"}", "{\"c\":\"\\u0001\"}")]
    [InlineData("{\"n\":-12.50}", "{\"n\":-12.50}")]
    public void Keys_are_sorted_whitespace_dropped_and_only_required_escapes_kept(string input, string canonical) =>
        Assert.Equal(canonical, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(input)));

    [Theory]
    [InlineData("{\"a\":1,\"b\":\"x y\"}", true)]
    [InlineData("{\"b\":1,\"a\":2}", false)]
    [InlineData("{\"a\": 1}", false)]
    [InlineData("{\"a\":\"\\u00fc\"}", false)]
    [InlineData("{\"a\":\"say \\\"hi\\\"\"}", true)]
    [InlineData("{\"a\":{\"b\":1,\"a\":1}}", false)]
    public void The_fast_check_only_vouches_for_text_that_is_already_canonical(string json, bool canonical)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(canonical, CanonicalJson.IsCanonical(bytes));
        if (canonical) Assert.Equal(json, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(bytes)));
    }

    [Fact]
    public void The_serializer_writes_canonical_json_for_records_and_dictionaries()
    {
        var serializer = new EventSerializer(new EventTypeRegistry([("with_map", typeof(WithMap))]));
        var data = new WithMap("z", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["ü"] = "\"q\"" });

        var (_, bytes) = serializer.Serialize(data);

        Assert.Equal(Encoding.UTF8.GetString(CanonicalJson.Canonicalize(bytes)), Encoding.UTF8.GetString(bytes));
    }

    public sealed record WithMap(string Zeta, IReadOnlyDictionary<string, string> Alpha);
}
