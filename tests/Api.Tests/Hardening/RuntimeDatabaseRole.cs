using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using Traceability.Testing;

namespace Traceability.Api.Tests.Hardening;

/// <summary>The role the service runs as may append to the log but not change it: privileges refuse first, the trigger is only the second line.</summary>
public sealed class RuntimeDatabaseRole(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> Changes => new()
    {
        "UPDATE traceability.mt_events SET type = 'forged'",
        "DELETE FROM traceability.mt_events",
        "TRUNCATE traceability.mt_events",
        "UPDATE traceability.event_chain SET link = digest",
        "DELETE FROM traceability.event_chain",
        "TRUNCATE traceability.event_chain",
        "DELETE FROM traceability.mt_streams",
        "UPDATE traceability.legacy_events SET type = 'forged'",
        "INSERT INTO traceability.chain_genesis (link) VALUES ('\\x00')",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task The_service_role_is_refused_changes_to_the_event_log_by_privileges(string change)
    {
        Assert.True(await api.EventCountAsync() > 0);
        await using var connection = new NpgsqlConnection(api.RuntimeConnectionString);
        await connection.OpenAsync();
        await AssertPermissionDenied(connection, change);
    }

    [Fact]
    public async Task The_service_runs_as_the_runtime_role_not_as_the_owner()
    {
        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT current_user, pg_has_role(current_user, 'traceability_app', 'USAGE'), has_table_privilege('traceability.mt_events', 'INSERT')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(new NpgsqlConnectionStringBuilder(api.RuntimeConnectionString).Username, reader.GetString(0));
        Assert.True(reader.GetBoolean(1));
        Assert.True(reader.GetBoolean(2));
    }

    [Fact]
    public async Task The_embedded_default_migrates_as_the_owner_and_serves_as_traceability_app()
    {
        // The service data directory of its own: the embedded server goes to its postgres/, the keys beside it.
        var data = new TestDataDirectory("role");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem)
            .UseSetting("ConnectionStrings:Traceability", "")
            .UseSetting(TestDataDirectory.Setting, data.Path));
        try
        {
            await using var connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
            await using (var user = new NpgsqlCommand("SELECT current_user", connection))
                Assert.Equal("traceability_app", await user.ExecuteScalarAsync());
            await AssertPermissionDenied(connection, "UPDATE traceability.mt_events SET type = 'forged'");
            await AssertPermissionDenied(connection, "TRUNCATE traceability.mt_events");
        }
        finally
        {
            await factory.DisposeAsync();
            data.Delete();
        }
    }

    /// <summary>
    /// Hosts share a process in tests and in tools: disposing one host (here the class fixture's, on
    /// another server) must not stop the embedded server another host started.
    /// </summary>
    [Fact]
    public async Task Disposing_another_host_leaves_the_embedded_server_running()
    {
        var data = new TestDataDirectory("hosts");
        var otherData = new TestDataDirectory("hosts-other");
        var embedded = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem)
            .UseSetting("ConnectionStrings:Traceability", "")
            .UseSetting(TestDataDirectory.Setting, data.Path));
        var other = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting(TestKeys.Setting, TestKeys.ServiceKeyPem)
            .UseSetting("ConnectionStrings:Traceability", api.RuntimeConnectionString)
            .UseSetting("ConnectionStrings:TraceabilityMigrations", api.ConnectionString)
            .UseSetting(TestDataDirectory.Setting, otherData.Path));
        try
        {
            _ = embedded.Services.GetRequiredService<NpgsqlDataSource>();
            _ = other.Services.GetRequiredService<NpgsqlDataSource>();
            await other.DisposeAsync();
            await using var connection = await embedded.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
            await using var user = new NpgsqlCommand("SELECT current_user", connection);
            Assert.Equal("traceability_app", await user.ExecuteScalarAsync());
        }
        finally
        {
            await other.DisposeAsync();
            await embedded.DisposeAsync();
            data.Delete();
            otherData.Delete();
        }
    }

    /// <summary>The trigger raises 42501 too, with its own words: the privilege check's message tells them apart.</summary>
    private static async Task AssertPermissionDenied(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.StartsWith("permission denied for table ", refused.MessageText, StringComparison.Ordinal);
    }
}
