using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Traceability.Api.Tests.Faults;
using Traceability.Testing;

namespace Traceability.Api.Tests.Conformance;

/// <summary>The built service as its own process on a loopback port, with a baseline holding Debian's 6.1 arm64 config.</summary>
public sealed class GateProcess : IAsyncLifetime
{
    public ApiProcess Api { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync("gate");
        Api = await ApiProcess.StartAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await TestServer.DropDatabaseAsync(ConnectionString);
    }
}

/// <summary>
/// Issue 12, item 1: the README's CI one-liner, run by bash and curl exactly as a CI job runs it, must fail
/// the job (a non-zero exit status) on a deviation and on a suspect decision, and pass it otherwise.
/// </summary>
public sealed partial class CiGateInAShell(GateProcess gate) : IClassFixture<GateProcess>
{
    [Fact]
    public async Task The_readme_one_liner_passes_a_conforming_config_and_fails_the_job_on_a_deviation()
    {
        var (baseline, viewer, clients) = await ArrangeAsync("gate-deviation");
        await ApprovedAsync(clients, baseline, "FUTEX", "y", []);

        var passing = await RunReadmeGateAsync(baseline, viewer, SampleConfigs.Bytes(SampleConfigs.Arm64_6_1));
        var failing = await RunReadmeGateAsync(baseline, viewer, ConformanceScenarios.RealConfigWith(SampleConfigs.Arm64_6_1, "FUTEX", "n"));

        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.StartsWith($"PASS {baseline}: 0 deviations", passing.Stdout, StringComparison.Ordinal);
        Assert.True(failing.ExitCode == 22, failing.ToString());
        Assert.StartsWith($"FAIL {baseline}: 1 deviation", failing.Stdout, StringComparison.Ordinal);
        Assert.Contains("deviation CONFIG_FUTEX: decided y, actual n", failing.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_one_liner_fails_the_job_on_a_suspect_decision_and_says_which_revision_made_it_suspect()
    {
        var (baseline, viewer, clients) = await ArrangeAsync("gate-suspect");
        var aou = await AcceptedAssumptionAsync(clients.Engineer, clients.Assessor);
        await ApprovedAsync(clients, baseline, "ARM64_MTE", "y", [aou]);
        var config = SampleConfigs.Bytes(SampleConfigs.Arm64_6_1);
        var before = await RunReadmeGateAsync(baseline, viewer, config);
        await FaultSetup.Ok(await clients.Engineer.PutAsJsonAsync($"/api/assumptions/{aou}",
            new { category = "platform", text = "FEAT_MTE2 is not assumed.", reason = "The first SoC lacks FEAT_MTE2." }));

        var after = await RunReadmeGateAsync(baseline, viewer, config);

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.True(after.ExitCode == 22, after.ToString());
        Assert.StartsWith($"FAIL {baseline}: 0 deviations, 0 missing, 1 suspect", after.Stdout, StringComparison.Ordinal);
        Assert.Contains($"suspect CONFIG_ARM64_MTE: approved y, suspect since position ", after.Stdout, StringComparison.Ordinal);
        Assert.Contains($"aou/{aou} revised (r2) by {baseline}-engineer: The first SoC lacks FEAT_MTE2.", after.Stdout, StringComparison.Ordinal);
    }

    private sealed record Clients(HttpClient Admin, HttpClient Engineer, HttpClient Assessor);

    private async Task<(string Baseline, string ViewerKey, Clients Clients)> ArrangeAsync(string baseline)
    {
        var admin = gate.Api.Client();
        var clients = new Clients(admin,
            gate.Api.Client(await FaultSetup.IssueSecretAsync(admin, baseline + "-engineer", "engineer")),
            gate.Api.Client(await FaultSetup.IssueSecretAsync(admin, baseline + "-assessor", "assessor")));
        var viewer = await FaultSetup.IssueSecretAsync(admin, baseline + "-viewer", "viewer");
        await FaultSetup.ArrangePlatformAsync(admin, baseline + "-virt");
        await FaultSetup.ArrangeBaselineAsync(admin, baseline, baseline + "-virt");
        await FaultSetup.Ok(await clients.Engineer.PutAsync($"/api/baselines/{baseline}/config", ConformanceScenarios.Text(SampleConfigs.Bytes(SampleConfigs.Arm64_6_1))));
        return (baseline, viewer, clients);
    }

    private static async Task<string> AcceptedAssumptionAsync(HttpClient engineer, HttpClient assessor)
    {
        var drafted = await FaultSetup.Ok(await engineer.PostAsJsonAsync("/api/assumptions", new { category = "platform", text = "The CPU implements FEAT_MTE2." }));
        var aou = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await FaultSetup.Ok(await assessor.PostAsJsonAsync($"/api/assumptions/{aou}/accept", new { reason = "Agreed." }));
        return aou;
    }

    private static async Task ApprovedAsync(Clients clients, string baseline, string symbol, string value, string[] assumptions)
    {
        var proposed = await FaultSetup.Ok(await clients.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
            new { symbol, value, rationale = $"{symbol}={value} is what the safety case assumes.", assumptions }));
        await FaultSetup.Ok(await clients.Assessor.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/decisions/{symbol}/approve",
            new { }, DecisionScenarios.Version(proposed)));
    }

    /// <summary>The README's one-liner, word for word but for the service's address and the baseline, run by bash in a directory holding .config.</summary>
    private async Task<ProcessRun> RunReadmeGateAsync(string baseline, string viewerKey, byte[] config)
    {
        var command = ReadmeGateCommand()
            .Replace("http://localhost:5000", gate.Api.Address.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("/baselines/arm64-6.1/", $"/baselines/{baseline}/", StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("traceability-gate-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(directory.FullName, ".config"), config);
            return await ExternalProcess.RunAsync(new ProcessStartInfo("bash", ["-c", command])
            {
                WorkingDirectory = directory.FullName,
                Environment = { ["KEY"] = viewerKey },
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The one shell block of README.md that calls .../check with curl --fail-with-body.</summary>
    private static string ReadmeGateCommand()
    {
        var readme = File.ReadAllText(Path.Combine(SampleConfigs.RepoRoot(), "README.md"));
        var blocks = ShellBlock().Matches(readme).Select(m => m.Groups[1].Value)
            .Where(b => b.Contains("--fail-with-body", StringComparison.Ordinal) && b.Contains("/check?", StringComparison.Ordinal)).ToList();
        Assert.True(blocks.Count >= 1, "README.md has no ```bash block running the CI gate with curl --fail-with-body");
        return blocks[0].Trim();
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
