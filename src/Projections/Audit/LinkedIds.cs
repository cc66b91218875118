using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Requirements;

namespace Traceability.Projections.Audit;

/// <summary>
/// Every id any revision of a baseline's decisions linked: a link dropped by a later revision still
/// explains the history an auditor reads, so its assumption or requirement travels with the export.
/// </summary>
public sealed record LinkedIds(IReadOnlySet<string> Assumptions, IReadOnlySet<string> Features, IReadOnlySet<string> Requirements)
{
    public static LinkedIds Of(IEnumerable<object> decisionEvents)
    {
        HashSet<string> assumptions = new(StringComparer.Ordinal), features = new(StringComparer.Ordinal), requirements = new(StringComparer.Ordinal);
        foreach (var data in decisionEvents)
        {
            var (a, f, r) = data switch
            {
                DecisionProposed p => (p.Assumptions, p.Features, p.Requirements),
                DecisionRevised v => (v.Assumptions, v.Features, v.Requirements),
                DecisionCarriedForward c => (c.Assumptions, c.Features, c.Requirements),
                _ => ([], [], []),
            };
            assumptions.UnionWith(a);
            features.UnionWith(f);
            requirements.UnionWith(r);
        }
        return new LinkedIds(assumptions, features, requirements);
    }

    /// <summary>The streams of the linked ids: what an export of the baseline carries in full besides its own streams.</summary>
    public IReadOnlySet<string> StreamIds() => new HashSet<string>(
        Assumptions.Select(AssumptionOfUse.StreamId).Concat(Features.Select(HardwareFeature.StreamId)).Concat(Requirements.Select(Requirement.StreamId)),
        StringComparer.Ordinal);
}
