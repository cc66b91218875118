using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace Traceability.Bench;

/// <summary>What the numbers depend on: cores, server version, and whether commits really reach the disk.</summary>
public sealed record MachineFacts(int Cores, string Os, string PostgresVersion, string Fsync, string SynchronousCommit, string WalSyncMethod)
{
    public static async Task<MachineFacts> ReadAsync(NpgsqlDataSource dataSource)
    {
        async Task<string> Show(string setting)
        {
            await using var command = dataSource.CreateCommand($"SHOW {setting}");
            return (string)(await command.ExecuteScalarAsync() ?? "?");
        }
        return new MachineFacts(
            Environment.ProcessorCount, RuntimeInformation.OSDescription,
            await Show("server_version"), await Show("fsync"), await Show("synchronous_commit"), await Show("wal_sync_method"));
    }

    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture, $"""
        - date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
        - cores: {Cores} ({Os}, .NET {Environment.Version})
        - PostgreSQL {PostgresVersion}, fsync={Fsync}, synchronous_commit={SynchronousCommit}, wal_sync_method={WalSyncMethod}
        """);
}
