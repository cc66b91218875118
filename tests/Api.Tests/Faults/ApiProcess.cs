using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// The built service as a real process of its own (dotnet Traceability.Api.dll), so that a test
/// can kill it the hard way, mid-request, and start it again on the same database.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminKey = "trc_fault_admin_key_for_the_process_tests";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    /// <summary>
    /// One data directory for every process of the run, as instances of one deployment share theirs (the API key pepper
    /// above all: a key issued through one instance must work on the other and after a restart), outside the checkout.
    /// </summary>
    private static readonly Lazy<TestDataDirectory> Data = new(() =>
    {
        var data = new TestDataDirectory("processes");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => data.Delete();
        return data;
    });

    private ApiProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<ApiProcess> StartAsync(string connectionString)
    {
        var dll = ApiDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotNet(), [dll, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["ConnectionStrings__Traceability"] = connectionString,
                ["Auth__BootstrapAdminKey"] = AdminKey,
                ["Audit__SigningKey"] = TestKeys.ServiceKeyPem,
                ["Service__DataDirectory"] = Data.Value.Path,
            },
        };
        var api = new ApiProcess(Process.Start(start)!, address);
        api._process.OutputDataReceived += (_, e) => api.Append(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync();
        return api;
    }

    /// <summary>A client with the key; <paramref name="timeout"/> (30 s unless given) must outlast any ?wait= it sends.</summary>
    public HttpClient Client(string key = AdminKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>SIGKILL to the process tree: no shutdown hooks, no graceful close of its connections.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(bound.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.True(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API process exited with {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"the API process at {Address} to be ready", timeoutSeconds: 90);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>The service built alongside this test assembly, in the same configuration (Debug or Release).</summary>
    private static string ApiDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (bin.Name, bin.Parent!.Name);
        for (var dir = bin; dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "Api", "bin", configuration, framework, "Traceability.Api.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException($"Traceability.Api.dll ({configuration}, {framework}) not found under src/Api/bin above {bin.FullName}; build the solution first.");
    }

    private static string DotNet() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
