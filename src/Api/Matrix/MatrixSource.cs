using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>Where a matrix answer comes from: matrix_rows when live, the history folded to a chain position for ?asOf=.</summary>
public static class MatrixSource
{
    public static async Task EnsureBaselineExistsAsync(EventLog log, string baseline, CancellationToken ct)
    {
        if (await log.StreamVersionAsync(Baseline.StreamId(baseline), ct) == 0) throw new ResourceNotFound($"Baseline '{baseline}'");
    }

    public static async Task<MatrixPage> PageAsync(EventLog log, string baseline, MatrixQuery query, AsOf? asOf, Catalog? catalog, CancellationToken ct)
    {
        var (position, total, rows) = asOf is null
            ? await MatrixLive.PageAsync(log, baseline, query, ct)
            : await HistoryPageAsync(log, baseline, query, asOf, ct);
        return new MatrixPage(baseline, position, total, query.Page, query.PageSize, rows.Select(r => MatrixRowView.From(r, catalog)).ToList());
    }

    /// <summary>
    /// Every matching row in order. History is folded before this returns so that a bad asOf is still a
    /// 400; the live rows are read lazily, as the response streams.
    /// </summary>
    public static async Task<IAsyncEnumerable<MatrixRow>> RowsAsync(
        EventLog log, string baseline, MatrixQuery query, AsOf? asOf, CancellationToken ct)
    {
        if (asOf is null) return MatrixLive.StreamAsync(log.DataSource, baseline, query, ct);
        var (_, rows) = await HistoryAsync(log, baseline, asOf, ct);
        return MatrixInMemory.Select(rows, query).ToAsyncEnumerable();
    }

    /// <summary>The position the answer reflects and the baseline's rows at it (live: the sealed head and matrix_rows).</summary>
    public static async Task<(long Position, IReadOnlyList<MatrixRow> Rows)> AllRowsAsync(EventLog log, string baseline, AsOf? asOf, CancellationToken ct)
    {
        if (asOf is not null) return await HistoryAsync(log, baseline, asOf, ct);
        var (head, _, rows) = await MatrixLive.PageAsync(log, baseline, MatrixQuery.All with { PageSize = int.MaxValue }, ct);
        return (head, rows);
    }

    private static async Task<(long, int, IReadOnlyList<MatrixRow>)> HistoryPageAsync(
        EventLog log, string baseline, MatrixQuery query, AsOf asOf, CancellationToken ct)
    {
        var (position, rows) = await HistoryAsync(log, baseline, asOf, ct);
        var (total, page) = MatrixInMemory.Page(rows, query);
        return (position, total, page);
    }

    private static async Task<(long Position, IReadOnlyList<MatrixRow> Rows)> HistoryAsync(EventLog log, string baseline, AsOf asOf, CancellationToken ct)
    {
        var position = await asOf.ResolveAsync(log, ct);
        return (position, await MatrixHistory.AtAsync(log, baseline, position, ct));
    }
}
