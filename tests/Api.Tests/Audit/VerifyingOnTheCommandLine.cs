using Traceability.Testing;
using System.Diagnostics;

namespace Traceability.Api.Tests.Audit;

/// <summary>`dotnet Traceability.Api.dll verify-export ...`: the built program, started as an auditor would, with no database.</summary>
public sealed class VerifyingOnTheCommandLine(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-cli-").FullName;

    [Fact]
    public async Task A_valid_export_exits_0_with_one_line_per_check()
    {
        var zip = Path.Combine(_directory, "export.zip");
        await File.WriteAllBytesAsync(zip, await api.Viewer.AuditExportAsync((await api.SmallMatrixAsync()).Baseline));
        var (exit, output) = await RunAsync("verify-export", zip);
        Assert.True(exit == 0, output);
        Assert.Contains("PASS chain and authentication:", output, StringComparison.Ordinal);
        Assert.Contains("PASS files:", output, StringComparison.Ordinal);
        Assert.Contains("VALID", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_export_exits_1_naming_the_file_and_bad_usage_exits_2()
    {
        var zip = Path.Combine(_directory, "tampered.zip");
        var export = await api.Viewer.AuditExportAsync((await api.SmallMatrixAsync()).Baseline);
        await File.WriteAllBytesAsync(zip, AuditExportScenarios.AuditReplace(export, "evidence.json", c => AuditExportScenarios.AuditFlipByte(c)));
        var (exit, output) = await RunAsync("verify-export", zip);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL file hashes", output, StringComparison.Ordinal);
        Assert.Contains("evidence.json: SHA-256 is", output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("verify-export")).Exit);
        Assert.Equal(2, (await RunAsync("verify-export", Path.Combine(_directory, "missing.zip"))).Exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // No connection string and an unwritable data directory: starting a database would fail loudly.
        start.Environment["ConnectionStrings__Traceability"] = "";
        start.Environment["Database__DataDirectory"] = "/proc/no-database-here";
        var run = await ExternalProcess.RunAsync(start);
        return (run.ExitCode, run.Output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
