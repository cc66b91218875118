using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Traceability.Projections.Events;

namespace Traceability.Api.Matrix;

/// <summary>GET /api/baselines/{id}/coverage: counts and shares per flag and status, and how much of what is built in is approved.</summary>
public static class GetCoverage
{
    public static async Task<Ok<Coverage>> Handle(
        string id, [FromQuery(Name = AsOf.Parameter)] string? asOf, EventLog log, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var moment = AsOf.Parse(asOf, failures);
        if (failures.Count > 0) throw new ValidationException(failures);
        await MatrixSource.EnsureBaselineExistsAsync(log, id, ct);
        var (position, rows) = await MatrixSource.AllRowsAsync(log, id, moment, ct);
        return TypedResults.Ok(Coverage.From(id, position, rows));
    }
}
