using Npgsql;
using Traceability.Api.Baselines;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Traces;

/// <summary>A baseline as its first event created it: enough to name it in a trace without folding its ~11k-value imports.</summary>
public sealed record BaselineHeader(string Id, string Platform, string KernelVersion);

/// <summary>The reads both traces share: matrix rows by link (GIN indexes of migration 0004) and baseline headers.</summary>
internal static class TraceReads
{
    public static Task<IReadOnlyList<MatrixRow>> RowsLinkingAssumptionAsync(NpgsqlDataSource dataSource, string id, CancellationToken ct) =>
        RowsLinkingAsync(dataSource, "assumptions", id, ct);

    public static Task<IReadOnlyList<MatrixRow>> RowsLinkingFeatureAsync(NpgsqlDataSource dataSource, string id, CancellationToken ct) =>
        RowsLinkingAsync(dataSource, "features", id, ct);

    public static async Task<BaselineHeader?> HeaderAsync(EventLog log, string id, CancellationToken ct)
    {
        var first = await log.ReadStreamAsync(Baseline.StreamId(id), 1, ct);
        return first is [{ Data: BaselineCreated created }] ? new BaselineHeader(created.Id, created.Platform, created.KernelVersion) : null;
    }

    public static async Task<IReadOnlyList<BaselineHeader>> AllHeadersAsync(EventLog log, CancellationToken ct)
    {
        var headers = new List<BaselineHeader>();
        foreach (var stream in await log.StreamsAsync(BaselineReads.StreamType + "/", ct))
        {
            if (await HeaderAsync(log, stream.Id[(stream.Id.IndexOf('/', StringComparison.Ordinal) + 1)..], ct) is { } header)
            {
                headers.Add(header);
            }
        }
        return headers;
    }

    /// <summary>Rows grouped per baseline (in baseline order), each group named by its header.</summary>
    public static async Task<IReadOnlyList<DecisionsInBaseline>> GroupAsync(EventLog log, IEnumerable<MatrixRow> rows, CancellationToken ct)
    {
        var groups = new List<DecisionsInBaseline>();
        foreach (var ofBaseline in rows.GroupBy(r => r.Baseline).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var header = await HeaderAsync(log, ofBaseline.Key, ct);
            groups.Add(new DecisionsInBaseline(ofBaseline.Key, header?.Platform, header?.KernelVersion,
                ofBaseline.OrderBy(r => r.Symbol, StringComparer.Ordinal).Select(SymbolDecision.From).ToList()));
        }
        return groups;
    }

    /// <summary>The column is one of two constants above, never caller input; only rows with a decision carry links.</summary>
    private static async Task<IReadOnlyList<MatrixRow>> RowsLinkingAsync(NpgsqlDataSource dataSource, string column, string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {MatrixRows.Columns} FROM {MatrixRows.From}
            WHERE m.{column} @> ARRAY[$1]::text[] AND m.status IS NOT NULL ORDER BY m.baseline, m.symbol
            """);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<MatrixRow>();
        while (await reader.ReadAsync(ct)) rows.Add(MatrixRows.Read(reader));
        return rows;
    }
}
