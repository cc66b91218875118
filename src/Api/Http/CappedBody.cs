using Traceability.Projections;

namespace Traceability.Api.Http;

/// <summary>
/// The request body, counted as it is read: past the limit it throws the 413 of <see cref="BodyLimits.TooLarge"/>.
/// A Content-Length can be checked before reading, a chunked body only like this (issue 13, item 7: chunked
/// uploads passed the Content-Length check and were buffered up to 256 MB).
/// </summary>
internal sealed class CappedBody(Stream inner, long limit, Func<Exception> tooLarge) : ReadThroughStream(inner, ownsInner: false)
{
    protected override void OnRead(ReadOnlySpan<byte> chunk)
    {
        if (BytesRead > limit) throw tooLarge();
    }
}
