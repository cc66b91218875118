using FluentValidation;
using FluentValidation.Results;
using Traceability.Domain.Assumptions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;

namespace Traceability.Api.Decisions;

/// <summary>
/// A decision may only link things that exist: a dangling link would never turn the decision suspect.
/// Checked outside the append lock because AoUs, features and requirements are never deleted.
/// </summary>
internal static class LinkedIds
{
    public static async Task EnsureExistAsync(
        EventLog log, IReadOnlyList<string>? assumptions, IReadOnlyList<string>? features,
        IReadOnlyList<string>? requirements, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        await Collect(log, "assumptions", assumptions, AssumptionOfUse.StreamId, failures, ct);
        await Collect(log, "features", features, HardwareFeature.StreamId, failures, ct);
        await Collect(log, "requirements", requirements, Requirement.StreamId, failures, ct);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    private static async Task Collect(
        EventLog log, string field, IReadOnlyList<string>? ids, Func<string, string> streamId,
        List<ValidationFailure> failures, CancellationToken ct)
    {
        foreach (var id in (ids ?? []).Distinct(StringComparer.Ordinal))
        {
            if (await log.StreamVersionAsync(streamId(id), ct) == 0)
            {
                failures.Add(new ValidationFailure(field, $"{id} does not exist."));
            }
        }
    }
}
