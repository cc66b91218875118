using System.Net.Http.Json;
using System.Text.Json;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Traceability.Projections.Activity;
using Traceability.Projections.Events;
using Traceability.Testing;
using Xunit.Abstractions;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// Two real API processes on one database: writes through both succeed with consistent versions,
/// exactly one runs the async activity projection, and the other takes over when it is killed.
/// </summary>
public sealed class TwoInstances(ITestOutputHelper output) : IAsyncLifetime
{
    private FaultPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await FaultPostgres.StartAsync("two");

    [Fact]
    public async Task Two_instances_share_writes_run_the_async_projection_once_and_the_survivor_takes_over_from_a_killed_runner()
    {
        await using var first = await ApiProcess.StartAsync(_postgres.ConnectionString);
        await using var second = await ApiProcess.StartAsync(_postgres.ConnectionString);
        using var admin = first.Client();
        var engineer = await FaultSetup.IssueSecretAsync(admin, "fault-engineer", "engineer");
        var assessor = await FaultSetup.IssueSecretAsync(admin, "fault-assessor", "assessor");
        await FaultSetup.ArrangePlatformAsync(admin, "two-virt");
        await FaultSetup.ArrangeBaselineAsync(admin, "two", "two-virt");

        // Proposed through one instance, approved and revised through the other, in both directions at once.
        var writers = new DecisionWriters("two");
        await WriteUntilAsync(writers, 60,
            (new(first.Client(engineer), "fault-engineer"), new(second.Client(assessor), "fault-assessor")),
            (new(second.Client(engineer), "fault-engineer"), new(first.Client(assessor), "fault-assessor")));
        Assert.All(writers.Answers, a => Assert.InRange(a.Status, 200, 299));
        await AssertVersionsConsistentAsync(writers);

        var runner = await SingleRunnerAsync(first, second);
        await ActivityCaughtUpAsync(runner, _postgres);
        output.WriteLine($"runner: {runner.Address}; killing it");

        var survivor = runner == first ? second : first;
        await runner.KillAsync();
        Assert.Equal(survivor, await SingleRunnerAsync(survivor));
        var after = new DecisionWriters("two-after");
        using (var survivorAdmin = survivor.Client()) await FaultSetup.ArrangeBaselineAsync(survivorAdmin, "two-after", "two-virt");
        await WriteUntilAsync(after, 30, (new(survivor.Client(engineer), "fault-engineer"), new(survivor.Client(assessor), "fault-assessor")));
        await AssertVersionsConsistentAsync(after);
        await ActivityCaughtUpAsync(survivor, _postgres);
    }

    private static async Task WriteUntilAsync(DecisionWriters writers, int acknowledged, params (KeyedClient Engineer, KeyedClient Assessor)[] pairs)
    {
        using var stop = new CancellationTokenSource();
        var running = pairs.Select(p => writers.RunAsync(p.Engineer, p.Assessor, stop.Token)).ToList();
        try
        {
            await Eventually.True(() => Task.FromResult(writers.Acknowledged.Count >= acknowledged), $"{acknowledged} writes acknowledged", 60);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running);
        }
    }

    /// <summary>Every acknowledged write is in the log, and each stream's acknowledged versions are 1, 2, 3... with no gap or repeat.</summary>
    private async Task AssertVersionsConsistentAsync(DecisionWriters writers)
    {
        await FaultSetup.AssertAllAcknowledgedStoredAsync(_postgres, writers);
        foreach (var stream in writers.Acknowledged.GroupBy(a => a.Stream))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(a => a.Version).Order());
    }

    /// <summary>Waits until exactly one of the live instances says it runs the activity projection, and PostgreSQL agrees: one holder of its lock.</summary>
    private async Task<ApiProcess> SingleRunnerAsync(params ApiProcess[] live)
    {
        ApiProcess? runner = null;
        await Eventually.True(async () =>
        {
            var runs = new List<ApiProcess>();
            foreach (var api in live) if (await RunsActivityAsync(api)) runs.Add(api);
            runner = runs.Count == 1 ? runs[0] : null;
            return runner is not null && await LockHoldersAsync() == 1;
        }, "exactly one instance to run the activity projection (and hold its advisory lock)", 60);
        return runner!;
    }

    private static async Task<bool> RunsActivityAsync(ApiProcess api)
    {
        using var client = api.Client();
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        return ready.GetProperty("projections").EnumerateArray()
            .Any(p => p.GetProperty("name").GetString() == ActivityProjection.ProjectionName && p.GetProperty("runsHere").GetBoolean());
    }

    private Task<long> LockHoldersAsync()
    {
        // Marten's HotCold daemon: the instance holding the shard's advisory lock runs it.
        long key = ProjectionLockIds.Compute(MartenConfiguration.Schema, new ShardName(ActivityProjection.ProjectionName, "All", 1), MartenConfiguration.DaemonLockId);
        return _postgres.ScalarAsync(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::bigint = $1 AND objid::bigint = $2",
            (key >> 32) & 0xFFFF_FFFF, key & 0xFFFF_FFFF);
    }

    private static async Task ActivityCaughtUpAsync(ApiProcess api, FaultPostgres postgres)
    {
        using var client = api.Client();
        await FaultSetup.AssertActivityCountsEveryEventOnceAsync(client, postgres, "the activity projection to count every event once");
    }

    public async Task DisposeAsync() => await _postgres.DisposeAsync();
}
