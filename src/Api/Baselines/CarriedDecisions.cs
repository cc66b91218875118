using Traceability.Domain.Catalogs;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>What a derive carries: one new decision stream per non-withdrawn source decision.</summary>
public sealed record CarriedDecisions(
    IReadOnlyList<StreamAppend> Appends, IReadOnlyList<string> Missing, IReadOnlyList<string> Suspect,
    IReadOnlyList<DecisionSymbolLeftCatalog> LeftCatalog)
{
    public static readonly CarriedDecisions None = new([], [], [], []);

    /// <summary>
    /// values null: no config yet, every symbol counts as present until the first import checks it.
    /// A suspect source stays suspect: a carried-forward sign-off must not launder the suspicion away.
    /// renames null: no catalog for one of the two kernels, so nothing is known to have left.
    /// </summary>
    public static CarriedDecisions Plan(
        IReadOnlyList<LoadedDecision> source, string newBaseline, IReadOnlyDictionary<string, string>? values, CatalogRenames? renames = null)
    {
        var appends = new List<StreamAppend>();
        var (missing, suspect, left) = (new List<string>(), new List<string>(), new List<DecisionSymbolLeftCatalog>());
        foreach (var decision in source.OrderBy(d => d.State.Symbol, StringComparer.Ordinal))
        {
            var present = values?.ContainsKey(decision.State.Symbol) ?? true;
            if (DecisionDecisions.CarryForward(decision.State, newBaseline, present) is not { } carried) continue;
            var events = new List<object> { carried };
            if (decision.State.Suspect)
            {
                var opened = Decision.Evolve(null, carried, decision.State.ProposedBy)!;
                events.Add(DecisionDecisions.MarkSuspect(opened, SuspectCause.CarriedForwardWhileSuspect(decision.State.Baseline))!);
                suspect.Add(carried.Symbol);
            }
            if (!present) missing.Add(carried.Symbol);
            if (renames is not null && renames.Left(carried.Symbol))
            {
                var flagged = new DecisionSymbolLeftCatalog(newBaseline, carried.Symbol, renames.FromName, renames.ToName, renames.Suggest(carried.Symbol));
                events.Add(flagged);
                left.Add(flagged);
            }
            appends.Add(new StreamAppend(Decision.StreamId(newBaseline, carried.Symbol), 0, [.. events]));
        }
        return new CarriedDecisions(appends, missing, suspect, left);
    }
}
