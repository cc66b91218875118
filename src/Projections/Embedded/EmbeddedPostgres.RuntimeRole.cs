using System.Security.Cryptography;
using Npgsql;

namespace Traceability.Projections.Embedded;

public sealed partial class EmbeddedPostgres
{
    /// <summary>The role the service runs as after migrating (created NOLOGIN by migration 0005).</summary>
    public const string RuntimeRole = "traceability_app";
    private const string RuntimePasswordFile = "traceability-app.secret";

    /// <summary>
    /// Gives the runtime role LOGIN and its own generated password (kept beside the owner's, mode 0600)
    /// and answers a connection string for it: the owner's connection is then needed for migrations only.
    /// </summary>
    public async Task<string> RuntimeConnectionStringAsync(CancellationToken ct = default)
    {
        var password = await RuntimePasswordAsync(ct);
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            // DDL takes no parameters; the password is generated hex, so it needs no quoting.
            await using var command = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{RuntimeRole}') THEN
                        ALTER ROLE {RuntimeRole} LOGIN PASSWORD '{password}';
                    ELSE
                        CREATE ROLE {RuntimeRole} LOGIN PASSWORD '{password}';
                    END IF;
                END $$
                """, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Username = RuntimeRole, Password = password }.ConnectionString;
    }

    private async Task<string> RuntimePasswordAsync(CancellationToken ct)
    {
        var file = Path.Combine(DataDirectory, RuntimePasswordFile);
        if (!File.Exists(file))
        {
            try
            {
                await WritePrivateFile(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), ct);
                if (_runAs is not null) await ProcessRunner.RunCheckedAsync(null, "chown", [_runAs, file], "chown of the runtime password file", ct);
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process starting on the same data directory wrote it first: use theirs.
            }
        }
        return (await File.ReadAllTextAsync(file, ct)).Trim();
    }
}
