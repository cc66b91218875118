namespace Traceability.Domain.Decisions;

// Links: Assumptions are AoU ids (AOU-0001), Features hardware feature ids, Requirements requirement ids.
// The proposer, approver etc. is the actor in the event metadata, not a field.

public sealed record DecisionProposed(
    string Baseline,
    string Symbol,
    string Value,
    string Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements);

public sealed record DecisionRevised(
    string Baseline,
    string Symbol,
    int Revision,
    string Value,
    string Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements,
    string Reason);

/// <summary>Meaning is what the approver's signature asserts, shown to the assessor.</summary>
public sealed record DecisionApproved(string Baseline, string Symbol, int Revision, string Meaning);

public sealed record DecisionRejected(string Baseline, string Symbol, int Revision, string Reason);

/// <summary>Cause names what changed, e.g. "aou/AOU-0003 revised (r2)".</summary>
public sealed record DecisionMarkedSuspect(string Baseline, string Symbol, string Cause);

public sealed record DecisionReconfirmed(string Baseline, string Symbol, int Revision, string Reason);

public sealed record DecisionWithdrawn(string Baseline, string Symbol, string Reason);

/// <summary>EvidenceId is E1, E2, ... per decision. Kind: test | analysis | review. Outcome: pass | fail | inconclusive.</summary>
public sealed record EvidenceAttached(
    string Baseline,
    string Symbol,
    string EvidenceId,
    string Kind,
    string Reference,
    string Outcome,
    string Summary);

/// <summary>
/// Opens a decision in a derived baseline with the source decision's content and sign-offs.
/// SymbolMissing: the symbol is absent from the new baseline's config; flagged, never dropped.
/// </summary>
public sealed record DecisionCarriedForward(
    string Baseline,
    string Symbol,
    string FromBaseline,
    string Value,
    string Rationale,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Requirements,
    DecisionStatus Status,
    string ProposedBy,
    string? ApprovedBy,
    bool SymbolMissing);

/// <summary>
/// A config was imported into the decision's baseline without the decision's symbol (renamed or
/// removed in that kernel version): the decision stays, flagged, until someone revises or withdraws it.
/// </summary>
public sealed record DecisionSymbolMissing(string Baseline, string Symbol, string ConfigSha256);

/// <summary>
/// A derive carried the decision into a kernel whose catalog (ToCatalog, "6.12.117/arm64") no longer
/// has the symbol that FromCatalog had: it was removed or renamed. Suggestions are symbols added in
/// ToCatalog whose prompt or help matches, best first; the decision itself is unchanged.
/// </summary>
public sealed record DecisionSymbolLeftCatalog(
    string Baseline, string Symbol, string FromCatalog, string ToCatalog, IReadOnlyList<Catalogs.RenameSuggestion> Suggestions);
