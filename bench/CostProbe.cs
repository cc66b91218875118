using System.Globalization;
using System.Text;

namespace Traceability.Bench;

/// <summary>
/// `bench -- cost`: where the 16-writer gap goes. Seven cases at 16 writers, in interleaved rounds; each is charged the
/// CPU the machine spent during its measured window: this process's own (writers, sealer, signing) and the rest
/// (PostgreSQL, plus whatever else the machine does, so run it on a quiet machine). Then the sealer's catch-up over a
/// backlog it did not see being written: its rate and its CPU per event, on both sides. Each window also records what
/// the server's backends waited on, the WAL written per event and the sealer's passes (<see cref="WaitSampler"/>).
/// The "sealer paused" cases show what ours costs with no chain work at all: since the trigger that queued events
/// for the sealer is gone (migration 0015), an append does nothing for the chain. <c>--without-autovacuum</c> turns the server's autovacuum off, to show what it costs each case.
/// <c>--statements</c> loads pg_stat_statements and lists each case's statements by execution time per event.
/// </summary>
public static class CostProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var withoutAutovacuum = args.Contains("--without-autovacuum");
        var statements = args.Contains("--statements");
        var options = BenchOptions.Parse([.. args.Where(a => a is not ("--without-autovacuum" or "--statements"))]);
        await using var probe = await ProbeDatabase.StartAsync("cost", options, statements);
        var (dataSource, ours, marten, plain) = (probe.DataSource, probe.Ours, probe.Marten, probe.Plain);
        if (withoutAutovacuum)
        {
            // Diagnostic only: what the cases cost without the autovacuum their writes set off.
            await using var off = dataSource.CreateCommand("ALTER SYSTEM SET autovacuum = off");
            await off.ExecuteNonQueryAsync();
            await using var reload = dataSource.CreateCommand("SELECT pg_reload_conf()");
            await reload.ExecuteNonQueryAsync();
        }
        var cases = new List<(string Name, Func<Task<Measurement>> Run, Sealer Sealing)>
        {
            ("plain INSERT", () => plain.SingleInsertsAsync(16), Sealer.Paused),
            ("stock Marten Quick", () => marten.SingleAppendsAsync(16), Sealer.Paused),
            ("ours: lock, decide, append; sealer running", () => ours.SingleAppendsAsync(16), Sealer.InProcess),
            ("ours: append only; sealer running", () => ours.SingleAppendsWithoutLockAsync(16), Sealer.InProcess),
            ("ours: append only; sealer running in another process", () => ours.SingleAppendsWithoutLockAsync(16), Sealer.OtherProcess),
            ("ours: lock, decide, append; sealer paused", () => ours.SingleAppendsAsync(16), Sealer.Paused),
            ("ours: append only; sealer paused", () => ours.SingleAppendsWithoutLockAsync(16), Sealer.Paused),
        };
        await using var sampler = new WaitSampler(dataSource, statements);
        var results = cases.ToDictionary(c => c.Name, _ => new List<(Measurement Measured, Cpu Cpu)>());
        // Rounds interleave the cases, so a slow spell of the machine (a checkpoint, autovacuum) hits every case once.
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var (name, run, sealing) in cases)
            {
                BenchRun.Progress($"cost, round {round} of {Rounds}: {name}");
                if (sealing == Sealer.InProcess) await ours.StartSealingAsync();
                await using (var child = sealing == Sealer.OtherProcess ? SealLoop.Start(probe.ConnectionString) : null)
                    results[name].Add(await Cpu.MeasureAsync(run, sampler));
                await ours.SealAsync();
                await ours.StopSealingAsync();
            }
        }
        var report = new StringBuilder($"Median of {Rounds} interleaved rounds, 16 writers each; CPU is charged over the measured window only.\n\n"
            + "| case | events/s | to stock Marten | this process, µs CPU per event | rest of the machine, µs CPU per event | GCs (gen 0/1/2), pause; thread pool; contention; context switches | WAL bytes per event | sealing passes/s (events per pass) | backends by state and wait (average) | autovacuum workers (share of the window) | tables read most, per event |\n|---|---:|---:|---:|---:|---|---:|---:|---|---|---|\n");
        var median = cases.ToDictionary(c => c.Name, c => results[c.Name].OrderBy(r => r.Measured.EventsPerSecond).ElementAt(Rounds / 2));
        var peer = median[cases[1].Name].Measured.EventsPerSecond;
        foreach (var (name, _, _) in cases)
        {
            var (measured, cpu) = median[name];
            report.Append(CultureInfo.InvariantCulture,
                $"| {name} | {measured.EventsPerSecond:N0} | {measured.EventsPerSecond / peer:0.00} | {cpu.Process.TotalMicroseconds / measured.Events:N0} | {cpu.Rest.TotalMicroseconds / measured.Events:N0} | {cpu.Gc} | {cpu.Waits.WalBytes / measured.Events:N0} | {cpu.Waits.Passes / measured.Elapsed.TotalSeconds:N0} ({(cpu.Waits.Passes == 0 ? 0 : cpu.Waits.Sealed / cpu.Waits.Passes):N0}) | {cpu.Waits.Top(6)} | {cpu.Waits.AutovacuumWork} | {cpu.Waits.TablesPerEvent(measured.Events, 5)} |\n");
        }
        if (statements)
        {
            foreach (var (name, _, _) in cases)
            {
                var (measured, cpu) = median[name];
                report.Append(CultureInfo.InvariantCulture, $"\n{name}: statements by execution time, µs per event (calls per event; * = nested in a function or trigger)\n\n");
                foreach (var st in cpu.Waits.Statements)
                    report.Append(CultureInfo.InvariantCulture, $"- {st.TotalMilliseconds * 1000 / measured.Events:N1} µs ({(double)st.Calls / measured.Events:0.00}){(st.TopLevel ? "" : " *")}: `{(st.Query.Length > 140 ? st.Query[..140] + "…" : st.Query)}`\n");
            }
        }
        report.Append(CultureInfo.InvariantCulture, $"\nAll rounds, events/s: {string.Join("; ", cases.Select(c => $"{c.Name}: {string.Join(", ", results[c.Name].Select(r => r.Measured.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}"))}\n");

        // A backlog the sealer did not see being written.
        await ours.SingleAppendsWithoutLockAsync(16);
        BenchRun.Progress("cost: the sealer catching up on a backlog written while it was stopped");
        var before = await ours.SealedAsync();
        var ((elapsed, head), sealCpu) = await Cpu.MeasureAsync(ours.SealAsync);
        var sealedEvents = head.Position - before;
        if (sealedEvents > 0) report.Append(CultureInfo.InvariantCulture, $"\nThe sealer alone, catching up on {sealedEvents:N0} events: {sealedEvents / elapsed.TotalSeconds:N0} events/s, "
            + $"{sealCpu.Process.TotalMicroseconds / sealedEvents:N0} µs CPU per event in this process, {sealCpu.Rest.TotalMicroseconds / sealedEvents:N0} µs in the rest of the machine.\n");
        Console.WriteLine(report);
        if (options.OutFile is not null) await File.WriteAllTextAsync(options.OutFile, report.ToString());
        return 0;
    }

    private const int Rounds = 3;

    /// <summary>Where the sealer runs during a case: nowhere, in this process beside the writers (as in the service), or in a child process.</summary>
    private enum Sealer { Paused, InProcess, OtherProcess }

    /// <summary>CPU spent while something ran: this process's, and the rest of the machine's (from /proc/stat).</summary>
    private readonly record struct Cpu(TimeSpan Process, TimeSpan Rest, string Gc, WaitProfile Waits)
    {
        public static async Task<(T Result, Cpu Cpu)> MeasureAsync<T>(Func<Task<T>> run, WaitSampler? sampler = null)
        {
            var (process, machine) = (TimeSpan.Zero, TimeSpan.Zero);
            var (gen0, gen1, gen2, pause) = (0, 0, 0, TimeSpan.Zero);
            var (items, contentions, switches) = (0L, 0L, 0L);
            void Start()
            {
                (process, machine) = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, MachineBusy());
                (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                (items, contentions, switches) = (ThreadPool.CompletedWorkItemCount, Monitor.LockContentionCount, ContextSwitches());
            }
            Start();
            Workload.WindowStarting = () => { Start(); sampler?.Start(); };
            var result = await run();
            Workload.WindowStarting = null;
            var waits = sampler is null ? WaitProfile.Empty : await sampler.StopAsync();
            var spentHere = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - process;
            var gc = FormattableString.Invariant(
                $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:N0} ms; ")
                + FormattableString.Invariant(
                $"{ThreadPool.CompletedWorkItemCount - items:N0} work items, {ThreadPool.ThreadCount} threads, {Monitor.LockContentionCount - contentions:N0} lock contentions, {ContextSwitches() - switches:N0} context switches");
            return (result, new Cpu(spentHere, MachineBusy() - machine - spentHere, gc, waits));
        }

        /// <summary>Context switches, voluntary and not, of this process's live threads (/proc/self/task/*/status).</summary>
        private static long ContextSwitches()
        {
            var total = 0L;
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    total += File.ReadLines(Path.Combine(task, "status")).Where(l => l.Contains("ctxt_switches:", StringComparison.Ordinal))
                        .Sum(l => long.Parse(l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (IOException)
                {
                    // The thread ended while being read.
                }
            }
            return total;
        }

        /// <summary>Busy time of all cores since boot: user to steal on the first line of /proc/stat (in 1/100 s), less idle and iowait.</summary>
        private static TimeSpan MachineBusy()
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9].Select(long.Parse).ToArray();
            var busy = fields.Sum() - fields[3] - fields[4];
            return TimeSpan.FromSeconds(busy / 100.0);
        }
    }
}
