using System.Globalization;
using Traceability.Projections;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Catalogs;

/// <summary>Reads through to another stream and refuses (400) past a number of bytes: what was read is what is counted.</summary>
internal sealed class BoundedStream(Stream inner, long max, string what) : ReadThroughStream(inner, ownsInner: true)
{
    protected override void OnRead(ReadOnlySpan<byte> chunk)
    {
        if (BytesRead > max)
            throw new BadRequest(string.Create(CultureInfo.InvariantCulture, $"{what} is larger than {max:N0} bytes."));
    }
}
