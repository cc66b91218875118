namespace Traceability.Api.Http;

/// <summary>
/// The request body, counted as it is read: past the limit it throws the 413 of <see cref="BodyLimits.TooLarge"/>.
/// A Content-Length can be checked before reading, a chunked body only like this (issue 13, item 7: chunked
/// uploads passed the Content-Length check and were buffered up to 256 MB).
/// </summary>
internal sealed class CappedBody(Stream inner, long limit, Func<Exception> tooLarge) : Stream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw tooLarge() : read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
