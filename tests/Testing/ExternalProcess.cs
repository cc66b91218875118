using System.Diagnostics;

namespace Traceability.Testing;

/// <summary>What a command-line run left: its exit code and both streams.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output, then standard error: what a user at a terminal reads.</summary>
    public string Output => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>The checkout the tests run from: the directory above them that holds Traceability.sln.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Traceability.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Traceability.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Runs a program the tests drive as a user would (the service's binary, bash, python3, chromium) to its end.</summary>
public static class ExternalProcess
{
    /// <summary>Both streams are read while it runs; past <paramref name="timeout"/> (default two minutes) it is killed with its children.</summary>
    public static async Task<ProcessRun> RunAsync(ProcessStartInfo start, TimeSpan? timeout = null)
    {
        (start.RedirectStandardOutput, start.RedirectStandardError, start.UseShellExecute) = (true, true, false);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran for more than {timeout ?? TimeSpan.FromMinutes(2)}.");
        }
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>scripts/verify-export.py, the independent verifier, on an export with one pinned public key.</summary>
public static class VerifyExportPy
{
    public static async Task<ProcessRun> RunAsync(byte[] zip, string publicKeyPem)
    {
        var directory = Directory.CreateTempSubdirectory("traceability-independent-");
        try
        {
            var (export, key) = (Path.Combine(directory.FullName, "export.zip"), Path.Combine(directory.FullName, "key.pem"));
            await File.WriteAllBytesAsync(export, zip);
            await File.WriteAllTextAsync(key, publicKeyPem);
            var script = Path.Combine(Repository.Root(), "scripts", "verify-export.py");
            return await ExternalProcess.RunAsync(new ProcessStartInfo("python3", [script, export, "--public-key", key]));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
