using System.Globalization;

namespace Traceability.Projections;

/// <summary>
/// The one text form of a time in everything the service writes (JSON, CSV, exports): UTC with
/// microseconds, the precision PostgreSQL stores and the hash chain covers (issue 12, item 11: the
/// matrix CSV wrote 7 digits and an offset, its JSON as few digits as the value needed).
/// </summary>
public static class Timestamps
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
