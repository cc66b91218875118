using Traceability.Projections.Matrix;
using Traceability.Projections.ReadModels;

namespace Traceability.Api.Matrix;

/// <summary>
/// POST /api/admin/projections/matrix/rebuild: empty the inline read models (matrix, decision links, keys)
/// and fold the whole log into them again, holding their tables while it does.
/// </summary>
public static class RebuildMatrix
{
    public sealed record Response(string Projection, int Rows, long RebuiltToPosition);

    public static async Task<Ok<Response>> Handle(ReadModelRebuild rebuild, CancellationToken ct)
    {
        var result = await rebuild.RunAsync(ct);
        return TypedResults.Ok(new Response(MatrixProjection.Name, result.MatrixRows, result.Position));
    }
}
