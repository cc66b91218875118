using System.Diagnostics;

namespace Traceability.Projections.Embedded;

/// <summary>Runs a server tool to completion, as another user when asked (runuser), capturing its output.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string? asUser, string file, IEnumerable<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(asUser is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", file }) info.ArgumentList.Add(a);
        }
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new EmbeddedPostgresException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static async Task RunCheckedAsync(string? asUser, string file, IEnumerable<string> arguments, string what, CancellationToken ct)
    {
        var (code, output) = await RunAsync(asUser, file, arguments, ct);
        if (code != 0) throw new EmbeddedPostgresException($"{what} failed (exit code {code}): {output}");
    }
}
