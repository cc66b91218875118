using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Kconfig.Catalog;
using Traceability.Testing;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>
/// Issue 11 item 3: a catalog build survives the death of the service. The built service runs as a process of its
/// own on a database of the test's PostgreSQL (which outlives it); it is killed (SIGKILL) while it parses the real
/// 6.12 tree, leaves no catalog, and once started again finishes the same job from Wolverine's durable inbox.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class KillingACatalogBuild : IAsyncLifetime
{
    private const string AdminKey = "trc_test_admin_key_for_the_kill_test_only";
    private string _owner = "";
    private string _runtime = "";
    private readonly string _data = Directory.CreateTempSubdirectory("kill-test-data-").FullName;
    private Process? _service;

    public async Task InitializeAsync()
    {
        _owner = await TestServer.CreateDatabaseAsync("kill");
        _runtime = await RuntimeLogins.CreateAsync(_owner);
    }

    [Fact]
    public async Task A_build_killed_while_running_leaves_no_catalog_and_completes_after_a_restart()
    {
        var root = CatalogScenarios.CatalogKernelTree("6.12");
        var expected = KconfigParser.Parse(Traceability.Api.Catalogs.CatalogTrees.Directory(root), KconfigParser.VariablesFor("arm64")).Symbols.Count;
        using var client = await StartAsync();

        var posted = await client.PostAsJsonAsync("/api/catalogs", new { path = root, kernelVersion = "6.12.117", architecture = "arm64" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var job = posted.Headers.Location!.ToString();
        var running = await client.CatalogJobUntilAsync(job, j => j.GetProperty("state").GetString() == "running" && j.GetProperty("progress").GetProperty("filesRead").GetInt32() > 0);
        Assert.Equal("running", running.GetProperty("state").GetString());
        _service!.Kill(entireProcessTree: true);
        await _service.WaitForExitAsync();

        Assert.Equal(0L, await CatalogEventsAsync());
        using var again = await StartAsync();
        var ended = await again.CatalogJobEndedAsync(job, TimeSpan.FromMinutes(5));

        Assert.True(ended.GetProperty("state").GetString() == "succeeded", ended.ToString());
        Assert.Equal(expected, ended.GetProperty("result").GetProperty("catalog").GetProperty("symbolCount").GetInt32());
        Assert.True(ended.GetProperty("attempts").GetInt32() >= 2, ended.ToString());
        var listed = await again.GetFromJsonAsync<JsonElement>("/api/catalogs");
        Assert.Equal(expected, Assert.Single(listed.EnumerateArray()).GetProperty("symbolCount").GetInt32());
    }

    /// <summary>The built service, as a user starts it, with its own data directory and a free port; answers once /health/ready does.</summary>
    private async Task<HttpClient> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _data };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ConnectionStrings__Traceability"] = _runtime;
        start.Environment["ConnectionStrings__TraceabilityMigrations"] = _owner;
        start.Environment["Auth__BootstrapAdminKey"] = AdminKey;
        start.Environment["Service__DataDirectory"] = _data;
        start.Environment[TestKeys.Setting.Replace(":", "__", StringComparison.Ordinal)] = TestKeys.ServiceKeyPem;
        // Ready when Kestrel says it listens (the database and the hosted services have started by then), or failed
        // when the process exits first: a condition, not a sleep.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _service?.Dispose();
        _service = new Process { StartInfo = start, EnableRaisingEvents = true };
        _service.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Now listening on:", StringComparison.Ordinal) == true) listening.TrySetResult();
        };
        _service.ErrorDataReceived += (_, _) => { };
        _service.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the service exited before it listened"));
        _service.Start();
        _service.BeginOutputReadLine();
        _service.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode, "the service listens but is not ready");
        return client;
    }

    private async Task<long> CatalogEventsAsync()
    {
        await using var connection = new NpgsqlConnection(_owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM traceability.mt_events WHERE stream_id LIKE 'catalog/%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_service is { HasExited: false }) _service.Kill(entireProcessTree: true);
        _service?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await TestServer.DropDatabaseAsync(_owner);
        await RuntimeLogins.DropAsync(_owner, _runtime);
        Directory.Delete(_data, recursive: true);
    }
}
