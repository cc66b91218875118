using Traceability.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Traceability.Api.Hosting;

namespace Traceability.Api.Tests;

/// <summary>
/// Issue 12, item 10: the built service started as a user starts it: --help starts nothing, a port in use is one
/// line and exit status 3, and the data directory is the checkout's .data whatever the working directory.
/// No database may start in these runs: the embedded one is pointed at a directory it cannot use.
/// </summary>
public sealed partial class StartingTheService
{
    [Fact]
    public async Task Help_lists_the_commands_and_every_setting_of_the_readme_and_starts_nothing()
    {
        var run = await RunAsync(Path.GetTempPath(), "--help");

        Assert.True(run.Exit == 0, run.Output);
        foreach (var command in new[] { "--demo", "verify-export", "--urls", "--help" }) Assert.Contains(command, run.Output, StringComparison.Ordinal);
        var readmeSettings = ConfigurationTable().Matches(File.ReadAllText(Path.Combine(SampleConfigs.RepoRoot(), "README.md")))
            .SelectMany(m => SettingName().Matches(m.Groups[1].Value).Select(s => s.Groups[1].Value)).Distinct().ToList();
        Assert.True(readmeSettings.Count >= 15, $"only {readmeSettings.Count} settings found in the README's Configuration table");
        Assert.All(readmeSettings, setting => Assert.Contains(setting, run.Output, StringComparison.Ordinal));
        Assert.DoesNotContain("Embedded PostgreSQL", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_directory_is_the_checkouts_dot_data_whatever_the_working_directory()
    {
        var expected = Path.Combine(SampleConfigs.RepoRoot(), ".data");

        foreach (var directory in new[] { SampleConfigs.RepoRoot(), Path.Combine(SampleConfigs.RepoRoot(), "src", "Api"), Path.GetTempPath() })
        {
            var run = await RunAsync(directory, "--help");
            Assert.Contains($"Service data directory here: {expected} (from the checkout at {SampleConfigs.RepoRoot()})", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Outside_a_checkout_the_data_directory_follows_xdg_and_a_setting_wins_over_both()
    {
        var outside = Directory.CreateTempSubdirectory("no-checkout-").FullName;
        var none = new ConfigurationBuilder().Build();
        var set = new ConfigurationBuilder().AddInMemoryCollection([new(ServiceDataDirectory.Setting, "/srv/traceability")]).Build();

        var xdg = ServiceDataDirectory.Resolve(none, outside, outside);
        var configured = ServiceDataDirectory.Resolve(set, outside, outside);

        Assert.Equal("traceability", Path.GetFileName(xdg.Path));
        Assert.True(Path.IsPathFullyQualified(xdg.Path));
        Assert.Equal("/srv/traceability", configured.Path);
        Assert.Equal("/srv/traceability/postgres", configured.Resolve("postgres"));
        Directory.Delete(outside);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_status_3_before_anything_starts()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var run = await RunAsync(Path.GetTempPath(), "--urls", url);

        Assert.True(run.Exit == 3, run.Output);
        Assert.Equal([$"traceability: cannot listen on {url}: the address is already in use (is the service already running?); stop it or pass --urls with another port."],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private sealed record Run(int Exit, string Output);

    private static async Task<Run> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Traceability"] = "";
        start.Environment["Database__DataDirectory"] = "/proc/no-database-here";
        var run = await ExternalProcess.RunAsync(start);
        return new Run(run.ExitCode, run.Output);
    }

    [GeneratedRegex(@"## Configuration\n(.*?)\n## ", RegexOptions.Singleline)]
    private static partial Regex ConfigurationTable();

    [GeneratedRegex(@"`([A-Za-z]+:[A-Za-z]+)`")]
    private static partial Regex SettingName();
}
