using System.Net;
using System.Net.Http.Json;
using Traceability.Domain.Kconfig;
using Xunit.Abstractions;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// The API process killed (SIGKILL) at several moments of a .config import: after a restart the
/// baseline holds either the whole previous config or the whole new one, its matrix has exactly
/// that many rows, and the hash chain holds.
/// </summary>
public sealed class ImportKilled(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Baseline = "killed-import";
    private FaultPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await FaultPostgres.StartAsync("import");

    [Fact]
    public async Task An_import_cut_by_a_killed_process_is_afterwards_either_wholly_there_or_absent()
    {
        var configs = new[] { SampleConfigs.Arm64_6_1, SampleConfigs.Arm64_6_12 }
            .Select(name => (Name: name, Bytes: SampleConfigs.Bytes(name))).ToArray();
        var api = await ApiProcess.StartAsync(_postgres.ConnectionString);
        try
        {
            using (var admin = api.Client())
            {
                await FaultSetup.Ok(await admin.PostAsJsonAsync("/api/platforms", new { id = "killed-virt", architecture = "arm64", machine = "QEMU virt" }));
                await FaultSetup.Ok(await admin.PostAsJsonAsync("/api/baselines", new { id = Baseline, platform = "killed-virt", kernelVersion = "6.1.192", variant = "faults" }));
                await FaultSetup.Ok(await admin.PutAsync($"/api/baselines/{Baseline}/config", Text(configs[0].Bytes)));
            }
            var current = 0;
            foreach (var delay in new[] { 0, 20, 50, 100, 200, 500, 1000, 3000 })
            {
                var next = 1 - current;
                var outcome = await ImportAndKillAsync(api, configs[next].Bytes, delay);
                api = await ApiProcess.StartAsync(_postgres.ConnectionString);
                current = await AssertWhollyOneOfAsync(api, configs, current, next);
                output.WriteLine($"killed {delay} ms after sending: request {outcome}; the baseline holds {configs[current].Name}");
            }
        }
        finally
        {
            await api.DisposeAsync();
        }
        var chain = await _postgres.VerifyChainAsync();
        Assert.True(chain.Valid, $"hash chain broken at {chain.FirstBrokenPosition}: {chain.Problem}");
    }

    /// <summary>Sends the import, kills the process <paramref name="delayMs"/> after the body is out, and says how the request ended.</summary>
    private static async Task<string> ImportAndKillAsync(ApiProcess api, byte[] config, int delayMs)
    {
        using var client = api.Client();
        var content = new SignallingContent(config) { Headers = { ContentType = new("text/plain") } };
        // Forced: the test alternates the 6.1 and 6.12 configs in one 6.1 baseline.
        var request = client.PutAsync($"/api/baselines/{Baseline}/config{BaselineScenarios.ForcedSeries}", content);
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await content.Sent.WaitAsync(bound.Token);
        if (delayMs > 0) await Task.Delay(delayMs);
        await api.KillAsync();
        await api.DisposeAsync();
        try
        {
            using var response = await request;
            return $"answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return $"cut ({ex.HttpRequestError})";
        }
    }

    private async Task<int> AssertWhollyOneOfAsync(ApiProcess api, (string Name, byte[] Bytes)[] configs, int previous, int next)
    {
        using var client = api.Client();
        using var response = await client.GetAsync($"/api/baselines/{Baseline}/config");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = KernelConfigParser.Parse(await response.Content.ReadAsByteArrayAsync());
        var sha = response.Headers.ETag!.Tag.Trim('"');
        var held = new[] { previous, next }.FirstOrDefault(i => KernelConfigParser.Parse(configs[i].Bytes).Sha256 == sha, -1);
        Assert.True(held >= 0, $"the baseline's latest import ({sha}) is neither {configs[previous].Name} nor {configs[next].Name}");
        var expected = KernelConfigParser.Parse(configs[held].Bytes);
        Assert.Equal(expected.Entries.Count, stored.Entries.Count);
        Assert.Equal(expected.Values, stored.Values);
        var rows = await _postgres.ScalarAsync("SELECT count(*) FROM traceability.matrix_rows WHERE baseline = $1 AND config_value IS NOT NULL", Baseline);
        Assert.Equal(expected.Entries.Count, rows);
        return held;
    }

    private static ByteArrayContent Text(byte[] bytes) => new(bytes) { Headers = { ContentType = new("text/plain") } };

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    /// <summary>A body that says when its last byte has been handed to the connection.</summary>
    private sealed class SignallingContent(byte[] bytes) : HttpContent
    {
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Sent => _sent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
            _sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
