using System.ComponentModel;
using System.Diagnostics;
using Traceability.Api.Http;

namespace Traceability.Api.Catalogs;

/// <summary>`xz -dc` as a filter: the upload goes to its stdin while the caller reads its stdout.</summary>
public sealed class XzProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private XzProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Stream Output => _process.StandardOutput.BaseStream;

    public static XzProcess Start()
    {
        var info = new ProcessStartInfo("xz", "-dc")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        try
        {
            return new XzProcess(Process.Start(info)!);
        }
        catch (Win32Exception)
        {
            throw new UnsupportedContent("Reading a .tar.xz needs the xz tool on the server (apt-get install xz-utils); send application/gzip instead.");
        }
    }

    /// <summary>Copies the body into xz; a broken pipe means xz stopped early, which its exit code explains.</summary>
    public Task FeedAsync(Stream body, CancellationToken ct) => Task.Run(async () =>
    {
        try
        {
            await body.CopyToAsync(_process.StandardInput.BaseStream, ct);
        }
        catch (IOException)
        {
            // xz exited (bad data); FinishAsync reports why.
        }
        finally
        {
            _process.StandardInput.Close();
        }
    }, ct);

    /// <summary>Waits for xz; returns its complaint when it failed, null when it decoded the whole body.</summary>
    public async Task<string?> FinishAsync(Task feed)
    {
        if (!_process.HasExited) await Output.CopyToAsync(Stream.Null);
        await feed;
        await _process.WaitForExitAsync();
        return _process.ExitCode == 0 ? null : (await _stderr).Trim();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
