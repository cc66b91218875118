using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Baselines;

/// <summary>What a derive carries: one new decision stream per non-withdrawn source decision.</summary>
public sealed record CarriedDecisions(IReadOnlyList<StreamAppend> Appends, IReadOnlyList<string> Missing, IReadOnlyList<string> Suspect)
{
    public static readonly CarriedDecisions None = new([], [], []);

    /// <summary>
    /// values null: no config yet, every symbol counts as present until the first import checks it.
    /// A suspect source stays suspect: a carried-forward sign-off must not launder the suspicion away.
    /// </summary>
    public static CarriedDecisions Plan(
        IReadOnlyList<LoadedDecision> source, string newBaseline, IReadOnlyDictionary<string, string>? values)
    {
        var appends = new List<StreamAppend>();
        var (missing, suspect) = (new List<string>(), new List<string>());
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
            appends.Add(StreamAppend.Start(Decision.StreamId(newBaseline, carried.Symbol), BaselineReads.DecisionStreamType, [.. events]));
        }
        return new CarriedDecisions(appends, missing, suspect);
    }
}
