using Npgsql;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Testing;

/// <summary>The run's server really is the one the setting asked for: a container's data lives where the image keeps it, the launcher's in /tmp.</summary>
public sealed class RunningOnTheChosenServer
{
    [Fact]
    public async Task The_server_the_tests_use_is_the_one_the_setting_asks_for()
    {
        var path = await TestServer.PathAsync();
        var expected = Environment.GetEnvironmentVariable(TestServer.ExternalVariable) is { Length: > 0 }
            ? TestServerPath.External
            : TestServerChoice.Choose(Environment.GetEnvironmentVariable(TestServerChoice.Variable), ContainerTestServer.DockerReachable);

        var dataDirectory = await DataDirectoryAsync();

        Assert.Equal(expected, path);
        if (path == TestServerPath.Docker) Assert.Equal("/var/lib/postgresql/data", dataDirectory);
        if (path == TestServerPath.Embedded) Assert.StartsWith(Path.Combine(Path.GetTempPath(), "traceability-tests-"), dataDirectory, StringComparison.Ordinal);
    }

    private static async Task<string> DataDirectoryAsync()
    {
        await using var connection = new NpgsqlConnection(await TestServer.AdminConnectionAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW data_directory", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
