using Traceability.Testing;

namespace Traceability.Projections.Tests.Testing;

public sealed class RemovingTempLeftovers
{
    [Fact]
    public void Directories_of_runs_whose_process_is_gone_are_removed_unless_their_server_still_runs()
    {
        var purpose = $"leftovers{Guid.NewGuid():N}"[..20];
        var gone = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"traceability-{purpose}-{int.MaxValue}-a")).FullName;
        File.WriteAllText(Path.Combine(gone, "key"), "x");
        var serving = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"traceability-{purpose}-{int.MaxValue}-b")).FullName;
        File.WriteAllText(Path.Combine(serving, "postmaster.pid"), $"{Environment.ProcessId}\n/tmp/data\n");
        var killed = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"traceability-{purpose}-{int.MaxValue}-d")).FullName;
        File.WriteAllText(Path.Combine(killed, "postmaster.pid"), $"{int.MaxValue}\n/tmp/data\n");
        var ours = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), TempLeftovers.Prefix(purpose) + "c")).FullName;
        try
        {
            TempLeftovers.RemoveStale(purpose);

            Assert.False(Directory.Exists(gone));
            Assert.False(Directory.Exists(killed));
            Assert.True(Directory.Exists(serving));
            Assert.True(Directory.Exists(ours));
        }
        finally
        {
            foreach (var directory in new[] { gone, serving, killed, ours }.Where(Directory.Exists)) Directory.Delete(directory, recursive: true);
        }
    }
}
