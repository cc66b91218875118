namespace Traceability.Projections;

/// <summary>
/// A read-only, forward-only stream over another that sees every chunk read through it: the base of the streams
/// that count, cap, meter or hash an upload or an archive entry as it passes, so none of them holds it whole.
/// </summary>
/// <param name="inner">The stream read through.</param>
/// <param name="ownsInner">Whether disposing this stream disposes the one it reads (not a request body's).</param>
public abstract class ReadThroughStream(Stream inner, bool ownsInner) : Stream
{
    /// <summary>How many bytes have been read through so far.</summary>
    protected long BytesRead { get; private set; }

    /// <summary>Called with each chunk once it is read (after <see cref="BytesRead"/> counts it); may throw to stop the reader.</summary>
    protected abstract void OnRead(ReadOnlySpan<byte> chunk);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Seen(buffer, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Seen(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Seen(Span<byte> buffer, int read)
    {
        BytesRead += read;
        OnRead(buffer[..read]);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner) inner.Dispose();
        base.Dispose(disposing);
    }
}
