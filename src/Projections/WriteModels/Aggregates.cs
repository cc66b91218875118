using JasperFx.Events.Projections;
using Marten;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Platforms;
using Traceability.Domain.Requirements;

namespace Traceability.Projections.WriteModels;

/// <summary>Every aggregate a command loads for writing, each with the Evolve its domain type defines.</summary>
public static class Aggregates
{
    public static void Register(StoreOptions o)
    {
        o.Projections.Add(new WriteModel<AssumptionOfUse>((s, e) => AssumptionOfUse.Evolve(s, e.Data)), ProjectionLifecycle.Live);
        o.Projections.Add(new WriteModel<Platform>((s, e) => Platform.Evolve(s, e.Data)), ProjectionLifecycle.Live);
        o.Projections.Add(new WriteModel<HardwareFeature>((s, e) => HardwareFeature.Evolve(s, e.Data)), ProjectionLifecycle.Live);
        o.Projections.Add(new WriteModel<Requirement>((s, e) => Requirement.Evolve(s, e.Data)), ProjectionLifecycle.Live);
        o.Projections.Add(new WriteModel<Baseline>((s, e) => Baseline.Evolve(s, e.Data)), ProjectionLifecycle.Live);
        // The actor is the event's user name, as the decision views fold it (RecordedEvent's Metadata.Actor).
        o.Projections.Add(new WriteModel<Decision>((s, e) => Decision.Evolve(s, e.Data, e.UserName ?? "unknown")), ProjectionLifecycle.Live);
    }
}
