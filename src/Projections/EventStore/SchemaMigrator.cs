using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>
/// Applies the embedded, numbered SQL migrations forward-only. A session advisory lock
/// serialises concurrent starts, so two processes booting at once apply each step once.
/// An applied migration whose text changed since is refused: shipped migrations are never edited.
/// </summary>
public static class SchemaMigrator
{
    public const string Schema = "traceability";
    private const long MigrationLockKey = 0x7472_6163_6500_0001;

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public static Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) =>
        MigrateAsync(dataSource, int.MaxValue, ct);

    /// <summary>Applies the migrations up to <paramref name="upTo"/> only: a database as an earlier build left it, for upgrade tests.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, int upTo, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", ct);
        try
        {
            await Execute(connection, $"""
                CREATE SCHEMA IF NOT EXISTS {Schema};
                CREATE TABLE IF NOT EXISTS {Schema}.schema_migrations (
                    version int PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = await ReadApplied(connection, ct);
            CheckHistory(applied);
            var pending = All.Where(m => m.Version <= upTo && !applied.ContainsKey(m.Version)).ToList();
            foreach (var migration in pending) await Apply(connection, migration, ct);
            return pending.Count;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private static void CheckHistory(Dictionary<int, string> applied)
    {
        foreach (var (version, sha) in applied)
        {
            var known = All.FirstOrDefault(m => m.Version == version)
                ?? throw new InvalidOperationException(
                    $"The database has migration {version}, which this build does not know: it was written by a newer version of the service.");
            if (known.Sha256 != sha)
                throw new InvalidOperationException(
                    $"Migration {version} ({known.Name}) differs from the one applied to this database; shipped migrations must never be edited.");
        }
    }

    private static async Task Apply(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(migration.Sql, connection, tx)) await command.ExecuteNonQueryAsync(ct);
        await using (var record = new NpgsqlCommand(
            $"INSERT INTO {Schema}.schema_migrations (version, name, sha256) VALUES ($1, $2, $3)", connection, tx))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.Parameters.Add(new() { Value = migration.Sha256 });
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task<Dictionary<int, string>> ReadApplied(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT version, sha256 FROM {Schema}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct)) applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(".Migrations.", StringComparison.Ordinal))
            .Select(n => Migration.From(n, ReadResource(assembly, n)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

public sealed record Migration(int Version, string Name, string Sql, string Sha256)
{
    /// <summary>Resource names end in "Migrations.0001_event_store.sql".</summary>
    public static Migration From(string resourceName, string sql)
    {
        var file = resourceName[(resourceName.LastIndexOf(".Migrations.", StringComparison.Ordinal) + 12)..^4];
        var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(version, file, sql, sha);
    }
}
