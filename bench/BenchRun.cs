using Npgsql;

namespace Traceability.Bench;

/// <summary>Runs every write case against one migrated database and returns the Markdown report.</summary>
public static class BenchRun
{
    public static async Task<(string Markdown, bool Correct)> RunAsync(NpgsqlDataSource dataSource, BenchOptions options)
    {
        var facts = await MachineFacts.ReadAsync(dataSource);
        await using var ours = new LogCases(dataSource, options);
        using var marten = new MartenCases(dataSource, options);
        var plain = new PlainCases(dataSource, options);
        await plain.CreateTableAsync();
        await marten.CreateSchemaAsync();
        await ours.StartSealingAsync();
        var report = new Report();

        foreach (var writers in options.Concurrency)
        {
            // The three run back to back at each concurrency, so a burst of noise from other work on the
            // machine hits one triple rather than skewing a whole column.
            Progress($"plain INSERT, {writers} writer(s), {options.Duration.TotalSeconds:0.#} s");
            var limit = await plain.SingleInsertsAsync(writers);
            Progress($"  {limit.EventsPerSecond:N0} rows/s; stock Marten, {writers} writer(s)");
            var peer = await marten.SingleAppendsAsync(writers);
            Progress($"  {peer.EventsPerSecond:N0} events/s; ours, {writers} writer(s)");
            var measured = await ours.SingleAppendsAsync(writers);
            Progress($"  {measured.EventsPerSecond:N0} events/s");
            report.AddSingle(measured, peer, limit);
        }

        // Diagnostics at 16 writers, never targets: where ours loses against the peer.
        Progress("diagnostics, 16 writers: ours without the lock; ours with the sealer paused");
        report.AddDiagnostic(await ours.SingleAppendsWithoutLockAsync(16));
        await ours.SealAsync();
        await ours.StopSealingAsync();
        var unsealed = await ours.SingleAppendsAsync(16);
        report.AddDiagnostic(unsealed with { Case = "(diagnostic) ours with the sealer paused" });
        await ours.StartSealingAsync();

        Progress($"bulk {options.BulkSize:N0}: plain, stock Marten, ours; {options.BulkRepeats} runs each");
        var plainBulk = await plain.BulkAsync();
        var martenBulk = await marten.BulkAsync();
        var oursBulk = await ours.BulkAsync();
        report.AddBulk(options.BulkSize, oursBulk, martenBulk, plainBulk);
        Progress("ours again with the sealer paused, to show its share (it seals these afterwards)");
        await ours.SealAsync();
        await ours.StopSealingAsync();
        report.AddBulkWithoutSealer(options.BulkSize, await ours.BulkAsync(), plainBulk);
        await ours.StartSealingAsync();

        Progress("sealing what is left and verifying the whole log");
        var (verification, correct) = await VerifyAsync(ours);
        var markdown = $"""
            {facts.ToMarkdown()}
            - mode: {(options.Quick ? "--quick (smoke check, short windows)" : "full")}; {options.Duration.TotalSeconds:0.#} s per single-event case after {options.WarmUp.TotalSeconds:0.#} s warm-up; bulk: {options.BulkRepeats} runs after one warm-up

            {report.ToMarkdown()}
            Targets: {(report.AllTargetsMet ? "all met" : "**not all met**")}.

            {verification}
            """;
        return (markdown, correct);
    }

    /// <summary>The bench doubles as a correctness check: every counted append is stored, sealed, and authenticated.</summary>
    private static async Task<(string Text, bool Correct)> VerifyAsync(LogCases ours)
    {
        var (catchUp, head) = await ours.SealAsync();
        var log = await ours.VerifyAsync();
        var stored = await ours.CountStoredAsync();
        var correct = log.Valid && log.EventsChecked == stored && stored == ours.Appended;
        var text = log.Valid
            ? $"Log: valid over {log.EventsChecked:N0} positions (appended {ours.Appended:N0}, stored {stored:N0}), every append's signature checked, head link {log.HeadLink?[..16]}…; "
              + $"the sealer was {catchUp.TotalMilliseconds:N0} ms behind the writers when they stopped (head position {head.Position:N0})."
            : $"Log: **INVALID** at position {log.FirstBrokenPosition} (sequence {log.UnchainedSequence}): {log.Problem}";
        return (correct ? text : text + " — **MISMATCH**", correct);
    }

    public static void Progress(string line) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {line}");
}
