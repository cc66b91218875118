using Traceability.Api.Http;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>Where a matrix answer comes from: matrix_rows when live, the history folded to a seq_id for ?asOf=.</summary>
public static class MatrixSource
{
    public static async Task EnsureBaselineExistsAsync(EventStore store, string baseline, CancellationToken ct)
    {
        if (await store.StreamVersionAsync(Baseline.StreamId(baseline), ct) == 0) throw new ResourceNotFound($"Baseline '{baseline}'");
    }

    public static async Task<MatrixPage> PageAsync(EventStore store, string baseline, MatrixQuery query, AsOf? asOf, Catalog? catalog, CancellationToken ct)
    {
        var (seq, total, rows) = asOf is null
            ? await MatrixLive.PageAsync(store.DataSource, baseline, query, ct)
            : await HistoryPageAsync(store, baseline, query, asOf, ct);
        return new MatrixPage(baseline, seq, total, query.Page, query.PageSize, rows.Select(r => MatrixRowView.From(r, catalog)).ToList());
    }

    /// <summary>
    /// Every matching row in order. History is folded before this returns so that a bad asOf is still a
    /// 400; the live rows are read lazily, as the response streams.
    /// </summary>
    public static async Task<IAsyncEnumerable<MatrixRow>> RowsAsync(
        EventStore store, string baseline, MatrixQuery query, AsOf? asOf, CancellationToken ct)
    {
        if (asOf is null) return MatrixLive.StreamAsync(store.DataSource, baseline, query, ct);
        var (_, rows) = await HistoryAsync(store, baseline, asOf, ct);
        return MatrixInMemory.Select(rows, query).ToAsyncEnumerable();
    }

    /// <summary>The seq_id the answer reflects and the baseline's rows at it (live: the head and matrix_rows).</summary>
    public static async Task<(long Seq, IReadOnlyList<MatrixRow> Rows)> AllRowsAsync(EventStore store, string baseline, AsOf? asOf, CancellationToken ct)
    {
        if (asOf is not null) return await HistoryAsync(store, baseline, asOf, ct);
        var (head, _, rows) = await MatrixLive.PageAsync(store.DataSource, baseline, MatrixQuery.All with { PageSize = int.MaxValue }, ct);
        return (head, rows);
    }

    private static async Task<(long, int, IReadOnlyList<MatrixRow>)> HistoryPageAsync(
        EventStore store, string baseline, MatrixQuery query, AsOf asOf, CancellationToken ct)
    {
        var (seq, rows) = await HistoryAsync(store, baseline, asOf, ct);
        var (total, page) = MatrixInMemory.Page(rows, query);
        return (seq, total, page);
    }

    private static async Task<(long Seq, IReadOnlyList<MatrixRow> Rows)> HistoryAsync(EventStore store, string baseline, AsOf asOf, CancellationToken ct)
    {
        var (head, _) = await store.HeadAsync(ct);
        var seq = await asOf.ResolveAsync(store, head, ct);
        return (seq, await MatrixHistory.AtAsync(store, baseline, seq, ct));
    }
}
