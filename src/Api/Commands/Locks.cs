using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Requirements;
using Traceability.Projections.Events;

namespace Traceability.Api.Commands;

/// <summary>
/// The advisory locks behind the cross-stream rules, named after the stream they guard. A decision write
/// holds its baseline and every target it links (before and after) shared; a freeze or an import holds the
/// baseline alone; a revision of an AoU, feature or requirement holds that target alone, so suspect
/// marking sees every decision committed before it and none can slip in between.
/// </summary>
public static class Locks
{
    public const string AssumptionNumbering = "numbering/aou";

    public static LogLock BaselineShared(string baseline) => LogLock.Shared(Baseline.StreamId(baseline));

    public static LogLock BaselineSole(string baseline) => LogLock.Sole(Baseline.StreamId(baseline));

    public static IEnumerable<LogLock> LinkedShared(IEnumerable<string>? assumptions, IEnumerable<string>? features, IEnumerable<string>? requirements) =>
        (assumptions ?? []).Select(AssumptionOfUse.StreamId)
            .Concat((features ?? []).Select(HardwareFeature.StreamId))
            .Concat((requirements ?? []).Select(Requirement.StreamId))
            .Select(LogLock.Shared);

    public static IEnumerable<LogLock> DecisionWrite(string baseline, Decision? current, IEnumerable<LogLock> newLinks) =>
        [BaselineShared(baseline), .. newLinks, .. current is null ? [] : LinkedShared(current.Assumptions, current.Features, current.Requirements)];
}
