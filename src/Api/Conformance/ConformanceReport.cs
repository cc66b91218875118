namespace Traceability.Api.Conformance;

/// <summary>
/// The answer to POST /api/baselines/{id}/check. Pass is false on any deviation or missing symbol and
/// on any finding of a category in FailOn (see <see cref="CheckPolicy"/>); Failures lists every finding
/// that failed the check, each with its cause. Without ?gate=true the HTTP call itself still succeeded (200).
/// </summary>
public sealed record ConformanceReport(
    string Baseline,
    bool Pass,
    bool Strict,
    IReadOnlyList<string> FailOn,
    string Summary,
    CheckedFile File,
    CheckedAgainst CheckedAgainst,
    IReadOnlyList<ConformanceFailure> Failures,
    IReadOnlyList<ConformanceDeviation> Deviations,
    IReadOnlyList<MissingSymbol> Missing,
    IReadOnlyList<SuspectDecision> Suspect,
    IReadOnlyList<PendingDecision> Pending,
    IReadOnlyList<AbsentDecision> SymbolMissing,
    UndecidedSymbols Undecided,
    IReadOnlyList<string> Warnings);

/// <summary>
/// One reason the check failed. Kind: deviation, missing, suspect, unapproved, symbol-missing or undecided
/// (one entry for all undecided symbols, Symbol null: they are listed under undecided). Cause says why in a sentence.
/// </summary>
public sealed record ConformanceFailure(string Kind, string? Symbol, string Cause);

/// <summary>The checked file as parsed: its SHA-256, the header's architecture and kernel version, and its symbol count.</summary>
public sealed record CheckedFile(string Sha256, string? Architecture, string? KernelVersion, int Symbols);

/// <summary>What the file was compared with: the approved decisions as of log position AsOfPosition.</summary>
public sealed record CheckedAgainst(int ApprovedDecisions, long AsOfPosition, string? Architecture, string KernelVersion);

/// <summary>An approved decision the file contradicts: Symbol with CONFIG_, the decided and the actual value.</summary>
public sealed record ConformanceDeviation(string Symbol, string Decided, string Actual, string? Rationale);

/// <summary>An approved decision (on a value other than n) whose symbol the file does not have at all.</summary>
public sealed record MissingSymbol(string Symbol, string Decided, string? Rationale);

/// <summary>
/// A decision marked suspect: something it links changed after it was approved. Cause is the decision's own
/// record of what changed (e.g. "aou/AOU-0003 revised (r2)"), with the chain position, time, actor and reason of that mark.
/// </summary>
public sealed record SuspectDecision(
    string Symbol, string Status, string Decided, string? Actual, string Cause, long? Since, DateTimeOffset? Time, string? MarkedBy, string? Reason);

/// <summary>A proposed or rejected decision. Actual is null when the file lacks the symbol.</summary>
public sealed record PendingDecision(string Symbol, string Status, string Decided, string? Actual);

/// <summary>A decision (any status but withdrawn, any value, n included) on a symbol the file does not have: renamed or removed.</summary>
public sealed record AbsentDecision(string Symbol, string Status, string Decided);

/// <summary>
/// Symbols built in (y or m) by the file without an approved decision, all of them, CONFIG_ prefixed;
/// Proposed names those among them that at least have a proposed decision awaiting review.
/// </summary>
public sealed record UndecidedSymbols(int Count, IReadOnlyList<string> Symbols, IReadOnlyList<string> Proposed);
