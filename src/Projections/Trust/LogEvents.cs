namespace Traceability.Projections.Trust;

/// <summary>
/// The log's own history: release 0.1.0's store was copied into Marten's tables. LegacyHead is the
/// hash-chain head of the old log, verified before the copy; the new chain continues from it.
/// </summary>
public sealed record LogMigrated(string From, long Events, long LastLegacySeq, string LegacyHead, string Rule);

public static class LogEvents
{
    public const string MigrationStream = "log/migration";

    public static IReadOnlyList<(string Alias, Type Type)> All { get; } = [("log_migrated", typeof(LogMigrated))];
}
