using System.Buffers.Binary;

namespace Traceability.Projections.Trust;

/// <summary>
/// The two field encodings every hash of the log uses (the event digest, and release 0.1.0's chain that the
/// upgrade verifies): bytes as a 4-byte big-endian length and the bytes, numbers as 8-byte big-endian.
/// </summary>
internal static class HashFields
{
    /// <summary>The fields written into a buffer large enough for them, to hash in one call (<see cref="Written"/>).</summary>
    public ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        /// <summary>What has been written so far.</summary>
        public readonly ReadOnlySpan<byte> Written => _buffer[..Length];

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer[Length..], bytes.Length);
            bytes.CopyTo(_buffer[(Length + 4)..]);
            Length += 4 + bytes.Length;
        }

        /// <summary>Text as its UTF-8 bytes (an absent text is empty).</summary>
        public void Text(string? text)
        {
            var written = System.Text.Encoding.UTF8.GetBytes(text ?? "", _buffer[(Length + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(_buffer[Length..], written);
            Length += 4 + written;
        }

        /// <summary>A UUID as its lower-case hyphenated text, 36 bytes.</summary>
        public void Id(Guid id)
        {
            if (!id.TryFormat(_buffer[(Length + 4)..], out var written, "D")) throw new ArgumentException("The buffer has no room for the id.", nameof(id));
            BinaryPrimitives.WriteInt32BigEndian(_buffer[Length..], written);
            Length += 4 + written;
        }

        public void Number(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(_buffer[Length..], value);
            Length += 8;
        }
    }
}
