using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Traceability.Projections;

namespace Traceability.Api.Http;

/// <summary>Writes every time in API JSON as <see cref="Timestamps"/> does in CSV and exports; reads any ISO-8601 time.</summary>
public sealed class TimestampJson : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Timestamps.Text(value));
}
