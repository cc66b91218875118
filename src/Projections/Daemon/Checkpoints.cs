using Npgsql;

namespace Traceability.Projections.Daemon;

/// <summary>event_progression rows: how far each async projection has applied the log.</summary>
public static class Checkpoints
{
    public static async Task<long> ReadAsync(NpgsqlConnection connection, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            WITH created AS (
                INSERT INTO traceability.event_progression (name, last_seq_id) VALUES ($1, 0)
                ON CONFLICT (name) DO NOTHING RETURNING last_seq_id)
            SELECT last_seq_id FROM created
            UNION ALL SELECT last_seq_id FROM traceability.event_progression WHERE name = $1
            """, connection);
        command.Parameters.Add(new() { Value = name });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<long> ReadAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, name, ct);
    }

    /// <summary>
    /// Moves the checkpoint only if nobody else moved it since <paramref name="from"/>: a runner
    /// that lost its lock (connection cut) or raced a rebuild rolls back instead of applying twice.
    /// </summary>
    public static async Task<bool> TryAdvanceAsync(NpgsqlConnection connection, string name, long from, long to, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE traceability.event_progression SET last_seq_id = $3, last_updated = now()
            WHERE name = $1 AND last_seq_id = $2
            """, connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>A stable 64-bit advisory lock key per projection name (FNV-1a; string.GetHashCode is randomised per process).</summary>
    public static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "projection:" + name)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
