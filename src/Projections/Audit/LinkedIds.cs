using Traceability.Domain.Decisions;

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
}
