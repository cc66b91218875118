using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Traceability.Projections.Events;

namespace Traceability.Api.Matrix;

/// <summary>GET /api/baselines/{id}/coverage: counts and shares per flag and status, and how much of what is built in is approved.</summary>
public static class GetCoverage
{
    public static async Task<Ok<Coverage>> Handle(
        string id, [FromQuery(Name = AsOf.Parameter)] string? asOf, EventStore store, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var moment = AsOf.Parse(asOf, failures);
        if (failures.Count > 0) throw new ValidationException(failures);
        await MatrixSource.EnsureBaselineExistsAsync(store, id, ct);
        var (seq, rows) = await MatrixSource.AllRowsAsync(store, id, moment, ct);
        return TypedResults.Ok(Coverage.From(id, seq, rows));
    }
}
