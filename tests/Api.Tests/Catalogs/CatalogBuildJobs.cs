using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>Issue 11 item 3: POST /api/catalogs answers 202 with a job; GET /api/catalogs/jobs/{id} shows how it goes and how it ended.</summary>
public sealed class CatalogBuildJobs(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly List<string> _trees = [];

    /// <summary>The trees a test built in the temp folder go with it.</summary>
    public void Dispose()
    {
        foreach (var tree in _trees) Directory.Delete(tree, recursive: true);
    }

    [Fact]
    public async Task A_valid_build_is_202_naming_its_job_which_reports_progress_and_then_the_catalog()
    {
        var tree = Tree(("Kconfig", "mainmenu \"Linux\"\nsource \"arch/$(SRCARCH)/Kconfig\"\nconfig FUTEX\n\tbool \"Futexes\"\n"),
            ("arch/arm64/Kconfig", "config ARM64_PAN\n\tbool \"PAN\"\nmenuconfig ARM64_MTE\n\tbool \"MTE\"\n"));

        var posted = await api.Admin.PostAsJsonAsync("/api/catalogs", new { path = tree, kernelVersion = "8.1.1", architecture = "arm64" });

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        Assert.Matches("^/api/catalogs/jobs/[0-9a-f-]{36}$", location);
        var accepted = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(accepted.GetProperty("state").GetString() is "queued" or "running" or "succeeded", accepted.ToString());
        Assert.Equal(("8.1.1", "arm64", "path:" + tree), (accepted.GetProperty("kernelVersion").GetString(),
            accepted.GetProperty("architecture").GetString(), accepted.GetProperty("source").GetString()));
        var job = await api.Viewer.CatalogJobEndedAsync(location);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
        Assert.Equal((2, 3), (job.GetProperty("progress").GetProperty("filesRead").GetInt32(), job.GetProperty("progress").GetProperty("symbolsSeen").GetInt32()));
        Assert.Equal("/api/catalogs/8.1.1/arm64", job.GetProperty("result").GetProperty("location").GetString());
        Assert.Equal(3, job.GetProperty("result").GetProperty("catalog").GetProperty("symbolCount").GetInt32());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("failure").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await api.Viewer.GetAsync("/api/catalogs/8.1.1/arm64/symbols/ARM64_MTE")).StatusCode);
    }

    [Fact]
    public async Task Waiting_on_a_job_answers_when_it_ends_and_an_ended_or_unknown_job_answers_at_once()
    {
        var tree = Tree(("Kconfig", "mainmenu \"Linux\"\nconfig FUTEX\n\tbool \"Futexes\"\n"));
        var posted = await api.Admin.PostAsJsonAsync("/api/catalogs", new { path = tree, kernelVersion = "8.1.5", architecture = "arm64" });
        var location = posted.Headers.Location!.ToString();

        var ended = await api.Viewer.CatalogJobEndedAsync(location);
        var again = await api.Viewer.GetAsync($"{location}?wait=60");
        var unknown = await api.Viewer.GetAsync($"/api/catalogs/jobs/{Guid.NewGuid()}?wait=60");
        var tooLong = await api.Viewer.GetAsync($"{location}?wait=61");

        Assert.Equal("succeeded", ended.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("succeeded", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("between 0 and 60", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tree_without_a_parsable_symbol_fails_the_job_with_the_reason_and_writes_nothing()
    {
        var tree = Tree(("Kconfig", "mainmenu \"Linux\"\nthis is not kconfig\n"));
        var before = await api.EventCountAsync();

        var posted = await api.Admin.PostAsJsonAsync("/api/catalogs", new { path = tree, kernelVersion = "8.1.2", architecture = "arm64" });

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var job = await api.Viewer.CatalogJobEndedAsync(posted.Headers.Location!.ToString());
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.StartsWith("No Kconfig symbol was found", job.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task An_uploaded_tarball_is_spooled_until_its_job_ended_and_a_failed_one_says_why()
    {
        var jobs = Path.Combine(api.Services.GetRequiredService<Traceability.Api.Hosting.ServiceDataDirectory>().Path, "jobs");
        var tarball = CatalogScenarios.CatalogTarball(("README", "no Kconfig here"));

        var posted = await api.Admin.PostAsync("/api/catalogs?kernelVersion=8.1.3&architecture=arm64",
            new ByteArrayContent(tarball) { Headers = { ContentType = new("application/gzip") } });

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var job = await api.Viewer.CatalogJobEndedAsync(posted.Headers.Location!.ToString());
        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("Kconfig", job.GetProperty("failure").GetString(), StringComparison.Ordinal);
        var id = job.GetProperty("id").GetGuid();
        Assert.False(File.Exists(Path.Combine(jobs, $"{id:N}.upload")));
    }

    [Fact]
    public async Task An_unknown_job_is_404_and_reading_one_takes_a_key()
    {
        var unknown = await api.Viewer.GetAsync($"/api/catalogs/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/api/catalogs/jobs/{Guid.NewGuid()}")).StatusCode);
    }

    private string Tree(params (string Path, string Text)[] files)
    {
        var root = Directory.CreateTempSubdirectory("catalog-job-").FullName;
        _trees.Add(root);
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }
        return root;
    }
}
