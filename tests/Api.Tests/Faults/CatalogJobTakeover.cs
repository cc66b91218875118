using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Kconfig.Catalog;
using Xunit.Abstractions;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// Two real API processes on one database; a catalog job is posted to the first, which is killed (SIGKILL) while it
/// parses the real 6.12 tree. The second, which kept running, finishes the job: Wolverine's leader finds the dead node
/// stale and releases its inbox, the survivor takes the message, the job's build lock went with the dead process, and
/// the catalog is appended once. Before, only a restart of the same service was tested (KillingACatalogBuild).
/// </summary>
public sealed class CatalogJobTakeover(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan LongerThanAWait = TimeSpan.FromSeconds(90);
    private FaultPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await FaultPostgres.StartAsync("takeover");

    [Fact]
    public async Task A_build_whose_instance_is_killed_is_finished_once_by_the_instance_still_running()
    {
        var root = CatalogScenarios.CatalogKernelTree("6.12");
        var expected = KconfigParser.Parse(Traceability.Api.Catalogs.CatalogTrees.Directory(root), KconfigParser.VariablesFor("arm64")).Symbols.Count;
        await using var first = await ApiProcess.StartAsync(_postgres.ConnectionString);
        await using var second = await ApiProcess.StartAsync(_postgres.ConnectionString);
        using var viaFirst = first.Client(timeout: LongerThanAWait);
        using var viaSecond = second.Client(timeout: LongerThanAWait);

        var posted = await viaFirst.PostAsJsonAsync("/api/catalogs", new { path = root, kernelVersion = "6.12.117", architecture = "arm64" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var job = posted.Headers.Location!.ToString();
        var running = await viaFirst.CatalogJobUntilAsync(job, j => j.GetProperty("state").GetString() == "running" && j.GetProperty("progress").GetProperty("filesRead").GetInt32() > 0);
        Assert.True(running.GetProperty("state").GetString() == "running", running.ToString());
        await first.KillAsync();
        output.WriteLine($"killed the first instance while it ran {job}: {running}");

        var killed = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal("running", (await viaSecond.GetFromJsonAsync<JsonElement>(job)).GetProperty("state").GetString());
        var ended = await viaSecond.CatalogJobEndedAsync(job, TimeSpan.FromMinutes(5));
        output.WriteLine($"the second instance ended it {killed.Elapsed.TotalSeconds:F0} s after the kill: {ended.GetProperty("state")}, attempts {ended.GetProperty("attempts")}");
        Assert.True(ended.GetProperty("state").GetString() == "succeeded", ended.ToString());
        Assert.Equal(expected, ended.GetProperty("result").GetProperty("catalog").GetProperty("symbolCount").GetInt32());
        Assert.True(ended.GetProperty("attempts").GetInt32() >= 2, ended.ToString());
        var listed = await viaSecond.GetFromJsonAsync<JsonElement>("/api/catalogs");
        Assert.Equal(expected, Assert.Single(listed.EnumerateArray()).GetProperty("symbolCount").GetInt32());
        Assert.Equal(1, await _postgres.ScalarAsync("SELECT count(DISTINCT stream_id) FROM traceability.mt_events WHERE stream_id LIKE 'catalog/%'"));
    }

    public async Task DisposeAsync() => await _postgres.DisposeAsync();
}
