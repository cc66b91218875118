using System.Diagnostics;

namespace Traceability.Bench;

/// <summary>One measured case: how many events it wrote and how long it took.</summary>
public sealed record Measurement(string Case, int Writers, long Events, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}

/// <summary>Runs N writers in parallel for a fixed time; each writer counts the events it committed.</summary>
public static class Workload
{
    /// <summary>Called as each measured window starts, after its warm-up (the cost probe starts its CPU counters there).</summary>
    public static Action? WindowStarting { get; set; }

    /// <summary>
    /// A warm-up (same writers, results discarded) fills the connection pool and JIT-compiles the
    /// paths, so the measured window sees steady state rather than connection set-up.
    /// </summary>
    public static async Task<Measurement> RunAsync(
        string name, int writers, BenchOptions options, Func<int, Func<CancellationToken, Task>> writerFactory)
    {
        var steps = Enumerable.Range(0, writers).Select(writerFactory).ToList();
        await RunForAsync(steps, options.WarmUp);
        WindowStarting?.Invoke();
        var stopwatch = Stopwatch.StartNew();
        var events = await RunForAsync(steps, options.Duration);
        stopwatch.Stop();
        return new Measurement(name, writers, events, stopwatch.Elapsed);
    }

    private static async Task<long> RunForAsync(List<Func<CancellationToken, Task>> steps, TimeSpan duration)
    {
        using var deadline = new CancellationTokenSource(duration);
        var counts = await Task.WhenAll(steps.Select(step => Task.Run(async () =>
        {
            long done = 0;
            // The deadline only stops new appends: one in flight is allowed to finish, so no
            // transaction is cancelled half-way and every counted event was committed.
            while (!deadline.IsCancellationRequested)
            {
                await step(CancellationToken.None);
                done++;
            }
            return done;
        })));
        return counts.Sum();
    }

    /// <summary>Times <paramref name="repeats"/> runs of one bulk write; returns each run's elapsed time.</summary>
    public static async Task<List<TimeSpan>> RepeatAsync(int repeats, Func<int, Task> bulk)
    {
        await bulk(-1); // warm-up
        var times = new List<TimeSpan>();
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await bulk(i);
            times.Add(stopwatch.Elapsed);
        }
        return times;
    }
}
