using Traceability.Projections.Events;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Matrix;

/// <summary>POST /api/admin/projections/matrix/rebuild: empty matrix_rows and replay the whole log into it.</summary>
public static class RebuildMatrix
{
    public sealed record Response(string Projection, long RebuiltToSeq);

    public static async Task<Ok<Response>> Handle(EventStore store, MatrixProjection projection, CancellationToken ct)
    {
        var seq = await InlineRebuild.RunAsync(store, projection, ct);
        return TypedResults.Ok(new Response(projection.Name, seq));
    }
}
