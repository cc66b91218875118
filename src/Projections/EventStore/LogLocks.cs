using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>
/// A transaction-scoped advisory lock named by text, e.g. "baseline/arm64-6.12" or "aou/AOU-0007".
/// Rules that span streams take them before they read: a decision write holds its baseline and its linked
/// targets shared, a freeze or a revision holds its own stream exclusively, so neither can slip between
/// the other's check and its commit.
/// </summary>
public sealed record LogLock(string Name, bool Exclusive)
{
    public static LogLock Shared(string name) => new(name, false);

    public static LogLock Sole(string name) => new(name, true);

    /// <summary>A stable 64-bit key (FNV-1a; string.GetHashCode differs between processes).</summary>
    public long Key
    {
        get
        {
            var hash = 14695981039346656037UL;
            foreach (var c in "traceability:" + Name)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            return unchecked((long)hash);
        }
    }
}

public static class LogLocks
{
    /// <summary>Takes the locks in one round trip, in name order (so two writers never wait on each other in a cycle).</summary>
    public static async Task TakeAsync(NpgsqlConnection connection, IEnumerable<LogLock> locks, CancellationToken ct)
    {
        if (Command(locks) is not { } take) return;
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { take } };
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The statement that takes the locks in name order, to run first in a batch whose other statements they guard; null when there are none.</summary>
    public static NpgsqlBatchCommand? Command(IEnumerable<LogLock> locks)
    {
        var ordered = locks.GroupBy(l => l.Name, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(l => l.Exclusive) ?? g.First())
            .OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) return null;
        return new NpgsqlBatchCommand("""
            SELECT count(CASE WHEN x THEN pg_advisory_xact_lock(k) ELSE pg_advisory_xact_lock_shared(k) END)
            FROM unnest($1::bigint[], $2::bool[]) WITH ORDINALITY AS l(k, x, n)
            """)
        {
            Parameters = { new() { Value = ordered.Select(l => l.Key).ToArray() }, new() { Value = ordered.Select(l => l.Exclusive).ToArray() } },
        };
    }
}
