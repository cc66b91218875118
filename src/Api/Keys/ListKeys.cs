using Traceability.Projections.Keys;

namespace Traceability.Api.Keys;

public static class ListKeys
{
    public static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> Handle(ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(ct));
}
