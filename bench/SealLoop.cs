using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Traceability.Projections.Trust;

namespace Traceability.Bench;

/// <summary>
/// `bench -- seal-loop CONNECTION`: the chain sealer alone in a process of its own, polling as the service's
/// <see cref="ChainSealingService"/> does, until its standard input closes. `bench -- cost` runs it beside the writers,
/// to tell what the sealer costs the writers through the server from what it costs them inside their own process.
/// </summary>
public static class SealLoop
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: bench -- seal-loop CONNECTION-STRING (stops when its standard input closes)");
            return 2;
        }
        await using var dataSource = NpgsqlDataSource.Create(args[0]);
        using var sealing = new ChainSealingService(new ChainSealer(dataSource), NullLogger<ChainSealingService>.Instance);
        await sealing.StartAsync(CancellationToken.None);
        await Console.In.ReadToEndAsync();
        await sealing.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>Starts the loop in a child process against <paramref name="connectionString"/>; disposing it stops the child.</summary>
    public static Child Start(string connectionString)
    {
        var host = Environment.ProcessPath!;
        var start = new System.Diagnostics.ProcessStartInfo(host) { RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(SealLoop).Assembly.Location);
        start.ArgumentList.Add("seal-loop");
        start.ArgumentList.Add(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "seal-loop" }.ConnectionString);
        return new Child(System.Diagnostics.Process.Start(start)!);
    }

    public sealed class Child(System.Diagnostics.Process process) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
