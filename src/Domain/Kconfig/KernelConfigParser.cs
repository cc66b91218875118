using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Traceability.Domain.Kconfig;

/// <summary>
/// Reads a resolved .config (the output of make olddefconfig, not a fragment). All or nothing:
/// either every line is understood, or ConfigParseException lists what is wrong, line by line,
/// so that an engineer can fix the file in one round instead of one error at a time.
/// </summary>
public static class KernelConfigParser
{
    /// <summary>Enough to fix a file by; past this, the file is most likely not a .config at all.</summary>
    public const int MaxProblems = 50;

    private const char ByteOrderMark = '\uFEFF';
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Text already decoded; Sha256 is then of its UTF-8 encoding.</summary>
    public static KernelConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sha256 = Hash(Encoding.UTF8.GetBytes(text));
        var body = text.StartsWith(ByteOrderMark) ? text.AsSpan(1) : text.AsSpan();
        return Run(body, undecodable: null, sha256);
    }

    /// <summary>The file's bytes as uploaded; Sha256 is of exactly these bytes.</summary>
    public static KernelConfig Parse(ReadOnlySpan<byte> utf8)
    {
        var sha256 = Hash(utf8);
        var body = utf8.StartsWith(Utf8ByteOrderMark) ? utf8[Utf8ByteOrderMark.Length..] : utf8;
        // Decoding replaces bad sequences with U+FFFD and keeps every '\n' (0x0A is never part
        // of a multi-byte sequence), so line numbers of the bytes and of the text agree.
        var undecodable = Utf8.IsValid(body) ? null : UndecodableLines(body);
        return Run(Encoding.UTF8.GetString(body), undecodable, sha256);
    }

    private static KernelConfig Run(ReadOnlySpan<char> text, HashSet<int>? undecodable, string sha256)
    {
        var run = new ConfigParseRun();
        var number = 0;
        while (!text.IsEmpty && !run.IsSaturated)
        {
            var end = text.IndexOf('\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            number++;
            // Only '\n' ends a line: a stray '\r', form feed or U+2028 is content, and refused.
            if (line.EndsWith('\r')) line = line[..^1];
            if (undecodable?.Contains(number) == true) run.RejectUndecodable(number, line);
            else run.Accept(number, line);
        }
        return run.Finish(sha256);
    }

    private static HashSet<int> UndecodableLines(ReadOnlySpan<byte> bytes)
    {
        var lines = new HashSet<int>();
        for (var number = 1; !bytes.IsEmpty; number++)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (!Utf8.IsValid(line)) lines.Add(number);
            if (lines.Count > MaxProblems) break;
        }
        return lines;
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
