using Npgsql;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Tests.Matrix;

/// <summary>A store wired with the domain's events and the matrix projection, with helpers that append domain events.</summary>
public sealed class MatrixScenario(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public MatrixProjection Projection { get; } = new();
    public EventStore Store { get; } = new(dataSource, new EventSerializer(new EventTypeRegistry(EventCatalog.All)), [new MatrixProjection()]);

    public static KernelConfig Sample(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Traceability.sln"))) directory = directory.Parent;
        return KernelConfigParser.Parse(File.ReadAllBytes(Path.Combine(directory!.FullName, "samples", "kernel-configs", file)));
    }

    public Task<AppendResult> CreateBaselineAsync(string id) =>
        Store.AppendAsync(StreamAppend.Start(Baseline.StreamId(id), "baseline", new BaselineCreated(id, "aarch64-qemu-virt", "6.1.192", "test", null)), As("engineer-1"));

    public async Task<AppendResult> ImportAsync(string baseline, IReadOnlyDictionary<string, string> values, string sha = "sha")
    {
        var version = await Store.StreamVersionAsync(Baseline.StreamId(baseline));
        return await Store.AppendAsync(new StreamAppend(Baseline.StreamId(baseline), "baseline", version,
            [new ConfigImported(baseline, (int)version, sha, "arm64", "6.1.192", values)]), As("engineer-1"));
    }

    public async Task<AppendResult> DecideAsync(string baseline, string symbol, string actor, params object[] events)
    {
        var stream = Decision.StreamId(baseline, symbol);
        return await Store.AppendAsync(new StreamAppend(stream, "decision", await Store.StreamVersionAsync(stream), events), As(actor));
    }

    public static DecisionProposed Proposed(string baseline, string symbol, string value, params string[] aous) =>
        new(baseline, symbol, value, $"Why {symbol}={value} is safe.", aous, [], []);

    public async Task<IReadOnlyList<MatrixRow>> LiveAsync(string baseline)
    {
        await using var command = dataSource.CreateCommand($"SELECT {MatrixRows.Columns} FROM traceability.matrix_rows WHERE baseline = $1 ORDER BY symbol COLLATE \"C\"");
        command.Parameters.Add(new() { Value = baseline });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MatrixRow>();
        while (await reader.ReadAsync()) rows.Add(MatrixRows.Read(reader));
        return rows;
    }

    /// <summary>Rows compared by value, lists included (records compare lists by reference).</summary>
    public static string Describe(IEnumerable<MatrixRow> rows) => string.Join("\n", rows.Select(r =>
        $"{r.Symbol}|{r.ConfigValue}|{r.DecidedValue}|{r.Status}|{r.Revision}|{string.Join(',', r.Assumptions)}|{r.EvidenceCount}|{r.Suspect}|{string.Join(',', r.Flags)}|{r.LastActor}|{r.LastTime:O}|{r.LastSeq}"));

    private static EventMetadata As(string actor) => new(actor);

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
