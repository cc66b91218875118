using Traceability.Api.Catalogs;
using Traceability.Api.Http;
using Traceability.Projections.Events;

namespace Traceability.Api.Matrix;

/// <summary>GET /api/baselines/{id}/matrix: a filtered, sorted page as JSON, or the whole filtered matrix streamed as CSV.</summary>
public static class GetMatrix
{
    public static async Task<IResult> Handle(
        string id, [AsParameters] MatrixParameters parameters, EventLog log, CatalogReads catalogs, HeavyReads heavyReads,
        HttpContext context, CancellationToken ct)
    {
        var request = MatrixQueryParser.Parse(parameters, AcceptsCsv(context.Request));
        await MatrixSource.EnsureBaselineExistsAsync(log, id, ct);
        // The baseline's kernel version and platform never change, so its catalog is the same live and as of any position.
        var catalog = await MatrixCatalogColumns.OfBaselineAsync(catalogs, id, ct);
        if (!request.Csv) return TypedResults.Ok(await MatrixSource.PageAsync(log, id, request.Query, request.AsOf, catalog, ct));
        // The slot is held while the rows stream out; disposing it with the response also frees it if the stream never starts.
        var slot = heavyReads.Enter("this matrix CSV");
        context.Response.RegisterForDispose(slot);
        var rows = await MatrixSource.RowsAsync(log, id, request.Query, request.AsOf, ct);
        return TypedResults.Stream(async body =>
        {
            using (slot) await MatrixCsv.WriteAsync(body, rows, catalog, ct);
        }, MatrixCsv.ContentType, $"{id}-matrix.csv");
    }

    private static bool AcceptsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
