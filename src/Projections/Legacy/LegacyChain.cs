using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Legacy;

/// <summary>
/// Release 0.1.0's hash chain, kept to verify its log before the upgrade copies it: hash =
/// SHA-256(prev_hash ‖ stream_id ‖ version ‖ type ‖ data ‖ metadata ‖ timestamp), variable parts prefixed
/// by their 4-byte big-endian length, version and timestamp (µs since 1970 UTC) 8-byte big-endian, data and
/// metadata canonical JSON; the first prev_hash empty.
/// </summary>
public static class LegacyChain
{
    public sealed record Verified(long Events, long LastSeq, byte[] Head);

    public static async Task<Verified> VerifyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT seq_id, stream_id, version, type, data::text, metadata::text, "timestamp", prev_hash, hash
            FROM traceability.legacy_events ORDER BY seq_id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        byte[] previous = [];
        long expected = 1;
        while (await reader.ReadAsync(ct))
        {
            var seq = reader.GetInt64(0);
            var prev = reader.IsDBNull(7) ? [] : (byte[])reader[7];
            var hash = (byte[])reader[8];
            var problem = seq != expected ? $"seq_id {expected} is missing (next is {seq})"
                : !prev.AsSpan().SequenceEqual(previous) ? "prev_hash does not match the hash of the event before it"
                : !hash.AsSpan().SequenceEqual(Hash(reader, prev)) ? "hash does not match the event's content"
                : null;
            if (problem is not null) throw new LegacyLogBroken($"Release 0.1.0's log does not verify at seq_id {seq}: {problem}. It is not copied; repair or restore it first.");
            (previous, expected) = (hash, seq + 1);
        }
        return new Verified(expected - 1, expected - 1, previous);
    }

    private static byte[] Hash(NpgsqlDataReader r, byte[] prev)
    {
        var parts = new[] { prev, Encoding.UTF8.GetBytes(r.GetString(1)), Encoding.UTF8.GetBytes(r.GetString(3)),
            CanonicalJson.Canonicalize(r.GetString(4)), CanonicalJson.Canonicalize(r.GetString(5)) };
        var fields = new HashFields.Writer(new byte[parts.Sum(p => p.Length + 4) + 16]);
        fields.Bytes(parts[0]);
        fields.Bytes(parts[1]);
        fields.Number(r.GetInt64(2));
        fields.Bytes(parts[2]);
        fields.Bytes(parts[3]);
        fields.Bytes(parts[4]);
        fields.Number(EventDigest.ToMicroseconds(r.GetFieldValue<DateTimeOffset>(6)));
        return SHA256.HashData(fields.Written);
    }
}

public sealed class LegacyLogBroken(string message) : Exception(message);
