using System.Security.Cryptography;
using System.Text;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Tests.Log;

/// <summary>The event digest is exactly the rule the export publishes (<see cref="EventDigest.Rule"/>), written out here field by field.</summary>
public sealed class DigestRule
{
    [Theory]
    [InlineData("aou/AOU-0001", "alice", "corr-1", null, """{"reason":"why"}""", """{"title":"t"}""")]
    [InlineData("decision/arm64-6.12/CONFIG_ÜBER", null, null, null, "{}", """{"a":"\u00e9 \ud83d\ude00"}""")]
    public void A_digest_is_the_sha256_of_the_published_fields(string stream, string? user, string? correlation, string? causation, string headers, string data)
    {
        var id = Guid.Parse("0195f2a4-7b1e-7c3d-9a55-2b7e1c0d4f60");
        var at = new DateTimeOffset(2026, 11, 26, 22, 45, 1, TimeSpan.FromHours(1)).AddTicks(1234560);
        var input = new DigestInput(id, stream, 42, "decision_proposed", at, user, correlation, causation, Encoding.UTF8.GetBytes(headers), Encoding.UTF8.GetBytes(data));

        var expected = SHA256.HashData([
            .. L("traceability/event/v1"), .. L(id.ToString("D")), .. L(stream), .. U64(42), .. L("decision_proposed"),
            .. U64((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10), .. L(user), .. L(correlation), .. L(causation), .. L(headers), .. L(data),
        ]);

        Assert.Equal(expected, EventDigest.Compute(input));
    }

    [Fact]
    public void A_digest_of_megabytes_of_data_follows_the_same_rule()
    {
        var data = $$"""{"symbols":"{{new string('x', 3 << 20)}}"}""";
        var input = new DigestInput(Guid.Empty, "catalog/linux-6.12", 1, "catalog_built", DateTimeOffset.UnixEpoch, null, null, null, "{}"u8.ToArray(), Encoding.UTF8.GetBytes(data));

        var expected = SHA256.HashData([
            .. L("traceability/event/v1"), .. L(Guid.Empty.ToString("D")), .. L("catalog/linux-6.12"), .. U64(1), .. L("catalog_built"),
            .. U64(0), .. L(null), .. L(null), .. L(null), .. L("{}"), .. L(data),
        ]);

        Assert.Equal(expected, EventDigest.Compute(input));
    }

    private static byte[] L(string? text)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? "");
        return [.. U32(bytes.Length), .. bytes];
    }

    private static byte[] U32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] U64(long value) => [.. U32((int)(value >> 32)), .. U32((int)value)];
}
