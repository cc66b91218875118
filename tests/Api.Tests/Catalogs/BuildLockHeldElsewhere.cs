using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Traceability.Api.Catalogs;
using Traceability.Api.Tests.Scenarios;
using Traceability.Projections.Events;
using Traceability.Testing;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>
/// The service with a one-second wait before a job whose build lock is held elsewhere is tried again, and a request
/// timeout of 5 s, so that a long ?wait= on a job that does not change meets it in seconds.
/// </summary>
public sealed class QuickRetryApiFixture : ApiFixture
{
    public QuickRetryApiFixture() => CatalogJobHandler.RetryWhileBuildingElsewhere = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Limits:RequestTimeoutSeconds"] = "5" };
}

/// <summary>
/// A node paused past the stale-node timeout is judged dead and its catalog job's message handed to another node,
/// while it still builds (and holds the job's build lock). Before, the other node dropped the message on finding the
/// lock taken, so if the first node then died the job stayed 'running' (or 'queued') for ever. Now the message is
/// scheduled again until the job has ended or the lock is free. The test holds the lock as that paused node would.
/// </summary>
public sealed class BuildLockHeldElsewhere(QuickRetryApiFixture api) : IClassFixture<QuickRetryApiFixture>, IDisposable
{
    private readonly string _tree = SmallTree();

    public void Dispose() => Directory.Delete(_tree, recursive: true);

    [Fact]
    public async Task A_job_whose_lock_another_instance_holds_is_tried_again_and_built_once_that_instance_is_gone()
    {
        // The real 6.12 tree keeps the sequential queue busy while the test takes the second job's lock.
        var first = await api.Admin.PostAsJsonAsync("/api/catalogs",
            new { path = CatalogScenarios.CatalogKernelTree("6.12"), kernelVersion = "6.12.117", architecture = "arm64" });
        var second = await api.Admin.PostAsJsonAsync("/api/catalogs", new { path = _tree, kernelVersion = "8.2.1", architecture = "arm64" });
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var job = second.Headers.Location!.ToString();
        // Unpooled: closing it ends the session, and the session lock with it, as the instance dying would.
        await using var otherInstance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.RuntimeConnectionString) { Pooling = false }.ConnectionString);
        await otherInstance.OpenAsync();
        await LockAsync(otherInstance, Guid.Parse(job[(job.LastIndexOf('/') + 1)..]));
        Assert.Equal("queued", await StateAsync(job)); // the lock was taken before its turn came

        Assert.Equal("succeeded", (await api.Viewer.CatalogJobEndedAsync(first.Headers.Location!.ToString(), TimeSpan.FromMinutes(5))).GetProperty("state").GetString());
        await Eventually.True(ScheduledAgainAsync, "the second job's message scheduled again while its lock is held elsewhere", 120);
        Assert.Equal("queued", await StateAsync(job));
        // A wait longer than the request timeout on a job that does not change answers with the job, not 504.
        var waited = await api.Viewer.GetAsync($"{job}?wait=60");
        Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
        Assert.Equal("queued", (await waited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("state").GetString());
        await otherInstance.CloseAsync(); // that instance dies: its session lock goes with it

        var ended = await api.Viewer.CatalogJobEndedAsync(job);
        Assert.Equal("succeeded", ended.GetProperty("state").GetString());
        Assert.Equal(1, ended.GetProperty("attempts").GetInt32());
        Assert.Equal(2, ended.GetProperty("result").GetProperty("catalog").GetProperty("symbolCount").GetInt32());
    }

    private static string SmallTree()
    {
        var root = Directory.CreateTempSubdirectory("lock-held-tree-").FullName;
        File.WriteAllText(Path.Combine(root, "Kconfig"), "mainmenu \"Linux\"\nconfig FUTEX\n\tbool \"Futexes\"\nconfig ARM64_PAN\n\tbool \"PAN\"\n");
        return root;
    }

    private static async Task LockAsync(NpgsqlConnection connection, Guid job)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
        command.Parameters.Add(new() { Value = LogLock.Sole($"catalog-job/{job:N}").Key });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StateAsync(string job) =>
        (await api.Viewer.GetFromJsonAsync<System.Text.Json.JsonElement>(job)).GetProperty("state").GetString()!;

    private async Task<bool> ScheduledAgainAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM traceability.wolverine_incoming_envelopes WHERE status = 'Scheduled' AND attempts > 0", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
