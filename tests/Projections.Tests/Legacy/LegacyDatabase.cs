using System.IO.Compression;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Legacy;

/// <summary>A database written by release 0.1.0 (tests/Fixtures/legacy-0.1.0), restored into a fresh database on the run's server.</summary>
public static class LegacyDatabase
{
    public const int Events = 188;
    public const string Head = "59df714ef2fa66cf1b0d6b962450dc7fa64ae6070a8d0648815e0d5c37110639";

    public static async Task<string> RestoreAsync()
    {
        var owner = await TestServer.CreateDatabaseAsync("legacy");
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using (var role = new NpgsqlCommand("""
            DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'traceability_app') THEN CREATE ROLE traceability_app NOLOGIN; END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """, connection)) await role.ExecuteNonQueryAsync();
        // The dump was taken on the embedded server, whose owner role is "traceability"; a Docker server's is "postgres".
        // Its one statement naming that role means "the owner's future tables", i.e. whoever restores it.
        var dump = (await DumpAsync()).Replace("ALTER DEFAULT PRIVILEGES FOR ROLE traceability IN SCHEMA", "ALTER DEFAULT PRIVILEGES IN SCHEMA", StringComparison.Ordinal);
        await using (var restore = new NpgsqlCommand(dump, connection)) await restore.ExecuteNonQueryAsync();
        return owner;
    }

    private static async Task<string> DumpAsync()
    {
        await using var file = File.OpenRead(Path.Combine(Repository.Root(), "tests", "Fixtures", "legacy-0.1.0", "legacy-0.1.0.sql.gz"));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    /// <summary>What the old log held per event: id, stream, version, type, time and metadata, in seq order.</summary>
    public static async Task<List<string>> LegacyEventsAsync(NpgsqlDataSource owner)
    {
        await using var command = owner.CreateCommand("""
            SELECT concat_ws('|', id, stream_id, version, type, to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'),
                metadata->>'actor', metadata->>'role', metadata->>'reason', metadata->>'correlationId', data::text)
            FROM traceability.legacy_events ORDER BY seq_id
            """);
        return await ReadAsync(command);
    }

    /// <summary>The same of Marten's log, in chain order.</summary>
    public static async Task<List<string>> CopiedEventsAsync(NpgsqlDataSource owner)
    {
        await using var command = owner.CreateCommand("""
            SELECT concat_ws('|', e.id, e.stream_id, e.version, e.type, to_char(e."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'),
                e.user_name, e.headers->>'role', e.headers->>'reason', e.correlation_id, e.data::text)
            FROM traceability.event_chain c JOIN traceability.mt_events e USING (seq_id) WHERE e.type <> 'log_migrated' ORDER BY c.position
            """);
        return await ReadAsync(command);
    }

    private static async Task<List<string>> ReadAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
