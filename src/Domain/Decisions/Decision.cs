using System.Text.Json.Serialization;

namespace Traceability.Domain.Decisions;

/// <summary>Stored by name (not number) so reordering the enum cannot rewrite history.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionStatus>))]
public enum DecisionStatus
{
    Proposed,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>
/// The decision on one symbol in one baseline. Suspect and SymbolMissing are flags, not statuses.
/// LeftCatalog is the derive's report that the symbol left the kernel's catalog (with rename
/// suggestions). DOMAIN.md only says such decisions are flagged, never dropped; the flag stays until
/// the decision is revised (the engineer's answer to it: a new name's decision, a value or rationale
/// for the gone symbol) and also stays on a withdrawn decision, where it explains the withdrawal.
/// </summary>
public sealed record Decision(
    string Baseline,
    string Symbol,
    int Revision,
    DecisionStatus Status,
    string Value,
    string Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements,
    string ProposedBy,
    string? ApprovedBy,
    bool Suspect,
    bool SymbolMissing,
    int EvidenceCount,
    DecisionSymbolLeftCatalog? LeftCatalog = null)
{
    public static string StreamId(string baseline, string symbol) => $"decision/{baseline}/{symbol}";

    /// <summary>actor is the event's metadata actor: four-eyes needs to know who proposed the revision.</summary>
    public static Decision? Evolve(Decision? state, object @event, string actor) => (state, @event) switch
    {
        (_, DecisionProposed e) => new Decision(e.Baseline, e.Symbol, 1, DecisionStatus.Proposed, e.Value,
            e.Rationale, e.Assumptions, e.Features, e.Requirements, actor, null, false, false, 0),
        (_, DecisionCarriedForward e) => new Decision(e.Baseline, e.Symbol, 1, e.Status, e.Value, e.Rationale,
            e.Assumptions, e.Features, e.Requirements, e.ProposedBy, e.ApprovedBy, false, e.SymbolMissing, 0),
        (null, _) => null,
        (_, DecisionRevised e) => state with
        {
            Revision = e.Revision, Status = DecisionStatus.Proposed, Value = e.Value, Rationale = e.Rationale,
            Assumptions = e.Assumptions, Features = e.Features, Requirements = e.Requirements,
            ProposedBy = actor, ApprovedBy = null, Suspect = false, LeftCatalog = null,
        },
        // An approval is given against the links as they are now, so it settles any suspicion.
        (_, DecisionApproved) => state with { Status = DecisionStatus.Approved, ApprovedBy = actor, Suspect = false },
        (_, DecisionRejected) => state with { Status = DecisionStatus.Rejected },
        (_, DecisionMarkedSuspect) => state with { Suspect = true },
        (_, DecisionReconfirmed) => state with { Suspect = false },
        (_, DecisionWithdrawn) => state with { Status = DecisionStatus.Withdrawn },
        (_, DecisionSymbolMissing) => state with { SymbolMissing = true },
        (_, DecisionSymbolLeftCatalog e) => state with { LeftCatalog = e },
        (_, EvidenceAttached) => state with { EvidenceCount = state.EvidenceCount + 1 },
        _ => state,
    };
}
