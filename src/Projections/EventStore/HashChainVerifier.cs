using System.Text;
using Npgsql;

namespace Traceability.Projections.Events;

public sealed record ChainVerification(bool Valid, long EventsChecked, long? FirstBrokenSeqId, string? Problem, string? HeadHash);

/// <summary>Walks the whole log in seq_id order and recomputes every link; names the first broken seq_id.</summary>
public static class HashChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT seq_id, stream_id, version, type, data::text, metadata::text, "timestamp", prev_hash, hash
            FROM traceability.events ORDER BY seq_id
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        byte[]? previous = null;
        long expectedSeq = 1, checkedCount = 0;
        while (await reader.ReadAsync(ct))
        {
            var seq = reader.GetInt64(0);
            var prevHash = reader.IsDBNull(7) ? null : (byte[])reader[7];
            var hash = (byte[])reader[8];
            var problem = seq != expectedSeq ? $"seq_id {expectedSeq} is missing (next is {seq})"
                : !SameBytes(prevHash, previous) ? "prev_hash does not match the hash of the event before it"
                : !SameBytes(hash, Recompute(reader, prevHash)) ? "hash does not match the event's content"
                : null;
            if (problem is not null) return new ChainVerification(false, checkedCount, Math.Min(seq, expectedSeq), problem, null);
            previous = hash;
            expectedSeq = seq + 1;
            checkedCount++;
        }
        return new ChainVerification(true, checkedCount, null, null, previous is null ? null : Convert.ToHexStringLower(previous));
    }

    private static byte[] Recompute(NpgsqlDataReader reader, byte[]? prevHash) =>
        HashChain.Compute(
            prevHash, reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
            CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(reader.GetString(4))),
            CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(reader.GetString(5))),
            new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero));

    private static bool SameBytes(byte[]? a, byte[]? b) =>
        (a is null || a.Length == 0) ? (b is null || b.Length == 0) : b is not null && a.AsSpan().SequenceEqual(b);
}
