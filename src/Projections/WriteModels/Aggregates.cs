using JasperFx.Events.Projections;
using Marten;
using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
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
        o.Projections.Add(new WriteModel<Baseline>((s, e) => Baseline.Evolve(s, e.Data)), ProjectionLifecycle.Live);
    }
}
