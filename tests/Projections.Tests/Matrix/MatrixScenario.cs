using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Matrix;

/// <summary>The log with the matrix projection inline (as the service runs it), and helpers that append domain events.</summary>
public sealed class MatrixScenario(LogFixture log)
{
    public EventLog Log => log.Log;

    public static KernelConfig Sample(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Traceability.sln"))) directory = directory.Parent;
        return KernelConfigParser.Parse(File.ReadAllBytes(Path.Combine(directory!.FullName, "samples", "kernel-configs", file)));
    }

    public Task<AppendResult> CreateBaselineAsync(string id) =>
        Log.AppendAsync(StreamAppend.Start(Baseline.StreamId(id), new BaselineCreated(id, "aarch64-qemu-virt", "6.1.192", "test", null)), As("engineer-1"));

    public async Task<AppendResult> ImportAsync(string baseline, IReadOnlyDictionary<string, string> values, string sha = "sha")
    {
        var version = await Log.StreamVersionAsync(Baseline.StreamId(baseline));
        return await Log.AppendAsync(new StreamAppend(Baseline.StreamId(baseline), version,
            [new ConfigImported(baseline, (int)version, sha, "arm64", "6.1.192", values)]), As("engineer-1"));
    }

    public async Task<AppendResult> DecideAsync(string baseline, string symbol, string actor, params object[] events)
    {
        var stream = Decision.StreamId(baseline, symbol);
        return await Log.AppendAsync(new StreamAppend(stream, await Log.StreamVersionAsync(stream), events), As(actor));
    }

    public static DecisionProposed Proposed(string baseline, string symbol, string value, params string[] aous) =>
        new(baseline, symbol, value, $"Why {symbol}={value} is safe.", aous, [], []);

    /// <summary>The live rows, sealed first so that each side's last change has its position.</summary>
    public async Task<IReadOnlyList<MatrixRow>> LiveAsync(string baseline)
    {
        await Log.Sealer.SealAsync();
        await using var command = log.Runtime.CreateCommand($"SELECT {MatrixRows.Columns} FROM {MatrixRows.From} WHERE m.baseline = $1 ORDER BY m.symbol");
        command.Parameters.Add(new() { Value = baseline });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MatrixRow>();
        while (await reader.ReadAsync()) rows.Add(MatrixRows.Read(reader));
        return rows;
    }

    /// <summary>Rows compared by value, lists included (records compare lists by reference).</summary>
    public static string Describe(IEnumerable<MatrixRow> rows) => string.Join("\n", rows.Select(r =>
        $"{r.Symbol}|{r.ConfigValue}|{r.DecidedValue}|{r.Status}|{r.Revision}|{string.Join(',', r.Assumptions)}|{r.EvidenceCount}|{r.Suspect}|"
        + $"{string.Join(',', r.Flags)}|{r.LastChange?.Actor}|{r.LastChange?.Time:O}|{r.LastChange?.Position}"));

    private static EventMetadata As(string actor) => new(actor);
}
