using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Traceability.Projections.Events;

/// <summary>
/// The byte form that is hashed: object keys sorted by UTF-16 code unit, no whitespace, strings
/// escaped only where JSON requires (RFC 8785 style), numbers as written. jsonb reorders keys and
/// respaces, so the store hashes this form and verification rebuilds it from <c>data::text</c>;
/// anyone can recompute it from an export without our code.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Canonicalize(document.RootElement);
    }

    public static byte[] Canonicalize(string json) => Canonicalize(Encoding.UTF8.GetBytes(json));

    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(element, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Write("{"u8);
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first) output.Write(","u8);
                    first = false;
                    WriteString(property.Name, output);
                    output.Write(":"u8);
                    Write(property.Value, output);
                }
                output.Write("}"u8);
                break;
            case JsonValueKind.Array:
                output.Write("["u8);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0) output.Write(","u8);
                    Write(item, output);
                }
                output.Write("]"u8);
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            default:
                output.Write(Encoding.UTF8.GetBytes(element.GetRawText()));
                break;
        }
    }

    private static void WriteString(string value, ArrayBufferWriter<byte> output)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }
        output.Write(Encoding.UTF8.GetBytes(text.Append('"').ToString()));
    }
}
