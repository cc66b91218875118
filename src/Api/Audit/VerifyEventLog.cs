using Traceability.Projections.Trust;

namespace Traceability.Api.Audit;

/// <summary>
/// GET /api/events/verify: seals what has committed, then recomputes the whole log: gapless positions,
/// every digest and link, every append's signature by a trusted key, no event outside the chain.
/// </summary>
public static class VerifyEventLog
{
    public static async Task<Ok<LogVerification>> Handle(LogVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));
}
