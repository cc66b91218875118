using Npgsql;
using Traceability.Projections.Events;

namespace Traceability.Api.Audit;

/// <summary>GET /api/events/verify: recomputes the whole log's hash chain and names the first broken seq_id.</summary>
public static class VerifyEventLog
{
    public static async Task<Ok<ChainVerification>> Handle(NpgsqlDataSource dataSource, CancellationToken ct) =>
        TypedResults.Ok(await HashChainVerifier.VerifyAsync(dataSource, ct));
}
