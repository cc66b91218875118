using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Bench;

/// <summary>Runs every case against one migrated database and returns the Markdown report.</summary>
public static class BenchRun
{
    public static async Task<(string Markdown, bool Correct)> RunAsync(NpgsqlDataSource dataSource, BenchOptions options)
    {
        var facts = await MachineFacts.ReadAsync(dataSource);
        await using var store = new StoreCases(dataSource, options);
        var plain = new PlainCases(dataSource, options);
        await plain.CreateTableAsync();
        var report = new Report();

        foreach (var writers in options.Concurrency)
        {
            // Plain and store run back to back at each concurrency, so a burst of noise from
            // other work on the machine hits one pair rather than skewing a whole column.
            Progress($"plain INSERT, {writers} writer(s), {options.Duration.TotalSeconds:0.#} s");
            var limit = await plain.SingleInsertsAsync(writers);
            Progress($"  {limit.EventsPerSecond:N0} rows/s; event store, {writers} writer(s)");
            var measured = await store.SingleAppendsAsync(writers);
            Progress($"  {measured.EventsPerSecond:N0} events/s");
            report.AddSingle(measured, limit);
        }

        Progress($"plain bulk INSERT of {options.BulkSize:N0} rows, {options.BulkRepeats} runs");
        var plainBulk = await plain.BulkAsync();
        Progress($"event store bulk append of {options.BulkSize:N0} events, {options.BulkRepeats} runs");
        var storeBulk = await store.BulkAsync();
        report.AddBulk(options.BulkSize, storeBulk, plainBulk);

        Progress("verifying the hash chain");
        var (verification, correct) = await VerifyAsync(dataSource, store);
        var markdown = $"""
            {facts.ToMarkdown()}
            - mode: {(options.Quick ? "--quick (smoke check, short windows)" : "full")}; {options.Duration.TotalSeconds:0.#} s per single-event case after {options.WarmUp.TotalSeconds:0.#} s warm-up; bulk: {options.BulkRepeats} runs after one warm-up

            {report.ToMarkdown()}
            Targets: {(report.AllTargetsMet ? "all met" : "**not all met**")}.

            {verification}
            """;
        return (markdown, correct);
    }

    /// <summary>The bench doubles as a correctness check: every counted append is stored, and the chain holds.</summary>
    private static async Task<(string Text, bool Correct)> VerifyAsync(NpgsqlDataSource dataSource, StoreCases store)
    {
        var chain = await HashChainVerifier.VerifyAsync(dataSource);
        var stored = await store.CountStoredAsync();
        var correct = chain.Valid && chain.EventsChecked == stored && stored == store.Appended;
        var text = chain.Valid
            ? $"Hash chain: valid over {chain.EventsChecked:N0} events (appended {store.Appended:N0}, stored {stored:N0}), head {chain.HeadHash?[..16]}…"
            : $"Hash chain: **BROKEN** at seq_id {chain.FirstBrokenSeqId}: {chain.Problem}";
        return (correct ? text : text + " — **MISMATCH**", correct);
    }

    public static void Progress(string line) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {line}");
}
