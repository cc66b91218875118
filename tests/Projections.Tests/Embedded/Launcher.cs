using Npgsql;
using Traceability.Projections.Embedded;

namespace Traceability.Projections.Tests.Embedded;

public sealed class Launcher : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"traceability-launcher-{Guid.NewGuid():N}");

    [Fact]
    public async Task Starts_from_an_empty_directory_and_restarts_on_the_existing_one()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory, Database = "launched", Durable = false };

        await using (var first = await EmbeddedPostgres.StartAsync(options))
        {
            await Execute(first.ConnectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        }
        Assert.False(File.Exists(Path.Combine(_directory, "postmaster.pid")), "the server stops on dispose");

        await using var second = await EmbeddedPostgres.StartAsync(options);
        Assert.Equal("still here", await Scalar(second.ConnectionString, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_process_is_reused()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory, Database = "launched", Durable = false };
        var orphan = await EmbeddedPostgres.StartAsync(options);

        await using var adopted = await EmbeddedPostgres.StartAsync(options);

        Assert.Equal(orphan.Port, adopted.Port);
        Assert.Equal(1, await Scalar(adopted.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Missing_binaries_fail_with_what_to_install_or_set()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory, BinDirectory = "/nonexistent/bin" };

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Traceability", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory), "nothing is created when the binaries are missing");
    }

    [Fact]
    public async Task A_non_empty_directory_without_a_cluster_is_refused()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "notes.txt"), "mine");

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() =>
            EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _directory }));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "notes.txt")));
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
