using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Traceability.Projections.Trust;

/// <summary>
/// The two field encodings every hash of the log uses (the event digest, and release 0.1.0's chain that the
/// upgrade verifies): bytes as a 4-byte big-endian length and the bytes, numbers as 8-byte big-endian.
/// </summary>
internal static class HashFields
{
    public static void Bytes(IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    public static void Number(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    /// <summary>The same encodings written into a buffer large enough for them, to hash in one call.</summary>
    public ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

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
