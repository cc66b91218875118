namespace Traceability.Api.Conformance;

/// <summary>
/// The answer to POST /api/baselines/{id}/check. Pass is false on any deviation or missing symbol
/// (and, in strict mode, on any undecided y/m symbol); the HTTP call itself still succeeded (200).
/// </summary>
public sealed record ConformanceReport(
    string Baseline,
    bool Pass,
    bool Strict,
    string Summary,
    CheckedFile File,
    CheckedAgainst CheckedAgainst,
    IReadOnlyList<ConformanceDeviation> Deviations,
    IReadOnlyList<MissingSymbol> Missing,
    UndecidedSymbols Undecided,
    IReadOnlyList<PendingDecision> Pending,
    IReadOnlyList<string> Warnings);

/// <summary>The checked file as parsed: its SHA-256, the header's architecture and kernel version, and its symbol count.</summary>
public sealed record CheckedFile(string Sha256, string? Architecture, string? KernelVersion, int Symbols);

/// <summary>What the file was compared with: the approved decisions as of log position AsOfPosition.</summary>
public sealed record CheckedAgainst(int ApprovedDecisions, long AsOfPosition, string? Architecture, string KernelVersion);

/// <summary>An approved decision the file contradicts: Symbol with CONFIG_, the decided and the actual value.</summary>
public sealed record ConformanceDeviation(string Symbol, string Decided, string Actual, string? Rationale);

/// <summary>An approved decision (on a value other than n) whose symbol the file does not have at all.</summary>
public sealed record MissingSymbol(string Symbol, string Decided, string? Rationale);

/// <summary>
/// Symbols built in (y or m) by the file without an approved decision, all of them, CONFIG_ prefixed;
/// Proposed names those among them that at least have a proposed decision awaiting review.
/// </summary>
public sealed record UndecidedSymbols(int Count, IReadOnlyList<string> Symbols, IReadOnlyList<string> Proposed);

/// <summary>A proposed or rejected decision: information only, it never fails a check. Actual is null when the file lacks the symbol.</summary>
public sealed record PendingDecision(string Symbol, string Status, string Decided, string? Actual);
