using Npgsql;

namespace Traceability.Projections.Trust;

public sealed record LogVerification(
    bool Valid, long EventsChecked, long? FirstBrokenPosition, long? UnchainedSequence, string? Problem, string? HeadLink);

/// <summary>
/// Recomputes the whole log: positions gapless from 1, each event's digest from its stored row, each link
/// from the one before, every append signed by a trusted key, and no event left outside the chain.
/// Names the first position that fails (or the first unchained event's sequence number).
/// </summary>
public sealed class LogVerifier(NpgsqlDataSource dataSource, ChainSealer sealer, TrustedKeys trusted)
{
    public async Task<LogVerification> VerifyAsync(CancellationToken ct = default)
    {
        await sealer.SealLateGapFillersAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var walk = new LogWalk(await ChainReads.GenesisAsync(connection, ct), new AppendCheck(trusted.All));
        await using (var command = new NpgsqlCommand($"""
            SELECT c.position, c.digest, c.link, c.chained_at, e.seq_id IS NOT NULL, {StoredEvent.Columns}
            FROM traceability.event_chain c LEFT JOIN traceability.mt_events e ON e.seq_id = c.seq_id ORDER BY c.position
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var stored = reader.GetBoolean(4) ? StoredEvent.Read(reader, 5) : null;
                walk.Step(reader.GetInt64(0), (byte[])reader[1], (byte[])reader[2], reader.GetFieldValue<DateTimeOffset>(3), stored);
                if (walk.Problem is not null) break;
            }
        }
        walk.End();
        if (walk.Problem is { } p) return new LogVerification(false, walk.Checked, p.Position, null, p.Problem, null);
        if (await FirstUnchainedAsync(connection, ct) is { } unchained)
            return new LogVerification(false, walk.Checked, null, unchained.Sequence,
                $"event with sequence number {unchained.Sequence} ({unchained.Stream} v{unchained.Version}, {unchained.Type}) is in the log but not in the chain", null);
        return new LogVerification(true, walk.Checked, null, null, null, Convert.ToHexStringLower(walk.Link));
    }

    /// <summary>
    /// The first event outside the chain, leaving out Marten's empty gap fillers: Marten writes them in the background
    /// after a failed append, so one may land below the watermark after this verify sealed the late ones; it carries
    /// nothing, and the next verify (or start) chains it. A row that only looks like one but carries data is reported.
    /// </summary>
    private static async Task<(long Sequence, string Stream, long Version, string Type)?> FirstUnchainedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($$"""
            SELECT e.seq_id, e.stream_id, e.version, e.type FROM traceability.mt_events e
            WHERE NOT EXISTS (SELECT 1 FROM traceability.event_chain c WHERE c.seq_id = e.seq_id)
            AND NOT (e.stream_id = '{{GapFiller.Stream}}' AND e.type = '{{GapFiller.Type}}' AND e.data = '{}'::jsonb)
            ORDER BY e.seq_id LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)) : null;
    }
}
