using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Traceability.Projections.Events;

/// <summary>
/// The byte form that is hashed: object keys sorted by UTF-16 code unit, no whitespace, strings
/// escaped only where JSON requires (", \, and control characters; RFC 8785 style), numbers as
/// written. jsonb reorders keys and respaces, so the store hashes this form and verification
/// rebuilds it from <c>data::text</c>; anyone can recompute it from an export without our code.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        if (IsCanonical(json)) return json.ToArray();
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Canonicalize(document.RootElement);
    }

    public static byte[] Canonicalize(string json) => Canonicalize(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// True when <paramref name="json"/> already is canonical: compact, keys in ascending ASCII order,
    /// no escaped strings (an escape might differ from ours). One allocation-free pass, so the common
    /// case skips the rewrite; anything it cannot vouch for goes through <see cref="Canonicalize(ReadOnlySpan{byte})"/>.
    /// </summary>
    public static bool IsCanonical(ReadOnlySpan<byte> json)
    {
        if (json.IndexOfAny(" \n\r\t"u8) >= 0 && HasWhitespaceOutsideStrings(json)) return false;
        var reader = new Utf8JsonReader(json);
        Span<int> lastNameAt = stackalloc int[64];
        Span<int> lastNameLength = stackalloc int[64];
        while (reader.Read())
        {
            if (reader.CurrentDepth >= 63 || (reader.ValueIsEscaped && !HasOnlyShortEscapes(reader.ValueSpan))) return false;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    lastNameLength[reader.CurrentDepth + 1] = -1;
                    break;
                case JsonTokenType.PropertyName:
                    var depth = reader.CurrentDepth;
                    var name = reader.ValueSpan;
                    if (!System.Text.Ascii.IsValid(name)) return false;
                    var start = (int)reader.TokenStartIndex + 1;
                    if (lastNameLength[depth] >= 0 && json.Slice(lastNameAt[depth], lastNameLength[depth]).SequenceCompareTo(name) >= 0) return false;
                    (lastNameAt[depth], lastNameLength[depth]) = (start, name.Length);
                    break;
            }
        }
        return true;
    }

    /// <summary>\" \\ \n \r \t \b \f are written the same way by us; a \u escape might not be.</summary>
    private static bool HasOnlyShortEscapes(ReadOnlySpan<byte> raw)
    {
        for (var i = raw.IndexOf((byte)'\\'); i >= 0 && i < raw.Length; i++)
        {
            if (raw[i] != '\\') continue;
            if (i + 1 >= raw.Length || raw[i + 1] is not ((byte)'"' or (byte)'\\' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'b' or (byte)'f')) return false;
            i++;
        }
        return true;
    }

    /// <summary>Whitespace inside string values is content; only whitespace between tokens breaks compactness.</summary>
    private static bool HasWhitespaceOutsideStrings(ReadOnlySpan<byte> json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == '\\') i++;
                else if (b == '"') inString = false;
            }
            else if (b == '"') inString = true;
            else if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') return true;
        }
        return false;
    }

    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(element, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output);
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
                WriteString(JsonMarshal.GetRawUtf8Value(element), element, output);
                break;
            default:
                output.Write(JsonMarshal.GetRawUtf8Value(element));
                break;
        }
    }

    private static void WriteObject(JsonElement element, ArrayBufferWriter<byte> output)
    {
        var properties = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject()) properties.Add(property);
        properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Write("{"u8);
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0) output.Write(","u8);
            WriteEscaped(properties[i].Name, output);
            output.Write(":"u8);
            Write(properties[i].Value, output);
        }
        output.Write("}"u8);
    }

    /// <summary>A raw token without a backslash is already its own value with nothing to escape: copy it.</summary>
    private static void WriteString(ReadOnlySpan<byte> raw, JsonElement element, ArrayBufferWriter<byte> output)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            output.Write("\""u8);
            output.Write(raw[1..^1]);
            output.Write("\""u8);
            return;
        }
        WriteEscaped(element.GetString()!, output);
    }

    private static void WriteEscaped(string value, ArrayBufferWriter<byte> output)
    {
        output.Write("\""u8);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c != '"' && c != '\\') continue;
            WriteUtf8(value.AsSpan(start, i - start), output);
            output.Write(c switch
            {
                '"' => "\\\""u8, '\\' => "\\\\"u8, '\b' => "\\b"u8, '\f' => "\\f"u8,
                '\n' => "\\n"u8, '\r' => "\\r"u8, '\t' => "\\t"u8,
                _ => Encoding.ASCII.GetBytes($"\\u{(int)c:x4}"),
            });
            start = i + 1;
        }
        WriteUtf8(value.AsSpan(start), output);
        output.Write("\""u8);
    }

    private static void WriteUtf8(ReadOnlySpan<char> text, ArrayBufferWriter<byte> output)
    {
        if (text.IsEmpty) return;
        var written = Encoding.UTF8.GetBytes(text, output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        output.Advance(written);
    }
}
