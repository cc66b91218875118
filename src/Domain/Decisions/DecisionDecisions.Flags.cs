using Traceability.Domain.Kconfig;

namespace Traceability.Domain.Decisions;

// What happens to a decision because something around it changed: suspicion, evidence, derivation.
public static partial class DecisionDecisions
{
    /// <summary>
    /// Null (no event) for a withdrawn or already suspect decision: propagation from a revised AoU
    /// or feature touches every linked decision and must not fail or pile up duplicate flags.
    /// </summary>
    public static DecisionMarkedSuspect? MarkSuspect(Decision state, string cause)
    {
        if (state.Status == DecisionStatus.Withdrawn || state.Suspect) return null;
        return new DecisionMarkedSuspect(state.Baseline, state.Symbol, Require.NotBlank(cause, nameof(cause)));
    }

    public static DecisionReconfirmed Reconfirm(Decision state, string? reason)
    {
        EnsureNotWithdrawn(state);
        Require.Rule(state.Suspect, $"The decision on {KconfigSymbol.Display(state.Symbol)} is not suspect.");
        return new DecisionReconfirmed(state.Baseline, state.Symbol, state.Revision,
            Require.Text(reason, "reason for the reconfirmation"));
    }

    public static EvidenceAttached AttachEvidence(
        Decision state, string kind, string reference, string outcome, string? summary)
    {
        EnsureNotWithdrawn(state);
        if (!EvidenceKinds.IsValid(kind)) throw new ArgumentException("Kind must be test, analysis or review.", nameof(kind));
        if (!EvidenceOutcomes.IsValid(outcome))
        {
            throw new ArgumentException("Outcome must be pass, fail or inconclusive.", nameof(outcome));
        }
        return new EvidenceAttached(state.Baseline, state.Symbol, $"E{state.EvidenceCount + 1}", kind,
            Require.NotBlank(reference, nameof(reference)), outcome, summary?.Trim() ?? "");
    }

    /// <summary>
    /// The source decision as it opens in a derived baseline; null for a withdrawn one, which has
    /// nothing left to carry. Sign-offs travel with it: an approved decision stays approved.
    /// </summary>
    public static DecisionCarriedForward? CarryForward(Decision source, string newBaseline, bool symbolPresent)
    {
        if (source.Status == DecisionStatus.Withdrawn) return null;
        Require.Rule(newBaseline != source.Baseline, "A decision is carried forward into another baseline.");
        return new DecisionCarriedForward(
            Ids.RequireSlug(newBaseline, nameof(newBaseline)), source.Symbol, source.Baseline,
            source.Value, source.Rationale, source.Assumptions, source.Features, source.Requirements,
            source.Status, source.ProposedBy, source.ApprovedBy, !symbolPresent);
    }

    /// <summary>
    /// Null when there is nothing to flag: the symbol is in the imported config, the decision is
    /// withdrawn, or it is already flagged (a re-import must not pile up duplicate flags).
    /// </summary>
    public static DecisionSymbolMissing? FlagSymbolMissing(Decision state, bool symbolPresent, string configSha256)
    {
        if (symbolPresent || state.SymbolMissing || state.Status == DecisionStatus.Withdrawn) return null;
        return new DecisionSymbolMissing(state.Baseline, state.Symbol, Require.NotBlank(configSha256, nameof(configSha256)));
    }
}
