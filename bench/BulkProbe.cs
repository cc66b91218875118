using System.Globalization;
using System.Text;

namespace Traceability.Bench;

/// <summary>
/// `bench -- bulk`: the bulk cases alone (plain, stock Marten, ours, with the sealer running as in the main run), in
/// interleaved rounds so a slow spell of the machine hits each case once, on a throwaway durable server. About a minute.
/// </summary>
public static class BulkProbe
{
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        await using var probe = await ProbeDatabase.StartAsync("bulk", options);
        var (ours, marten, plain) = (probe.Ours, probe.Marten, probe.Plain);
        await ours.StartSealingAsync();
        var cases = new (string Name, Func<Task<List<TimeSpan>>> Run)[]
        {
            ("plain unnest INSERT", plain.BulkAsync), ("stock Marten", marten.BulkAsync), ("ours", ours.BulkAsync),
        };
        var times = cases.ToDictionary(c => c.Name, _ => new List<TimeSpan>());
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var (name, run) in cases)
            {
                BenchRun.Progress($"bulk, round {round} of {Rounds}: {name}");
                times[name].AddRange(await run());
            }
        }
        var rate = cases.ToDictionary(c => c.Name, c => options.BulkSize / times[c.Name].Order().ElementAt(times[c.Name].Count / 2).TotalSeconds);
        var report = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Bulk {options.BulkSize:N0} events in one append, median of {Rounds} × {options.BulkRepeats} runs (sealer running).\n\n")
            .Append("| case | events/s | to plain | to stock Marten |\n|---|---:|---:|---:|\n");
        foreach (var (name, _) in cases)
            report.Append(CultureInfo.InvariantCulture, $"| {name} | {rate[name]:N0} | {rate[name] / rate[cases[0].Name]:0.00} | {rate[name] / rate[cases[1].Name]:0.00} |\n");
        await ours.SealAsync();
        var verification = await ours.VerifyAsync();
        report.Append(CultureInfo.InvariantCulture, $"\nLog after the run: {(verification.Valid ? "valid" : $"**INVALID**: {verification.Problem}")} over {verification.EventsChecked:N0} events.\n");
        Console.WriteLine(report);
        if (options.OutFile is not null) await File.WriteAllTextAsync(options.OutFile, report.ToString());
        return verification.Valid ? 0 : 1;
    }
}
